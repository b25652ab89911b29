"""The path follows the answers: truthful progress, check your answers with change links, and the result."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.support.web_journey import answer, h1, soup, start


def _progress(client: FlaskClient, url: str) -> str:
    return soup(client.get(url)).select_one(".progress").get_text(strip=True)


def _complete(client: FlaskClient, has_pets: str = "yes") -> str:
    """Answer web_branching to the end; the check-your-answers URL."""
    url = answer(client, start(client, "web_branching"), {"has_pets": has_pets}).location
    if has_pets == "yes":
        url = answer(client, url, {"pet_food": "no"}).location
    return answer(client, url, {"smoke_alarm": "yes"}).location


def test_progress_stays_truthful_when_an_answer_adds_a_page(client: FlaskClient) -> None:
    first = start(client, "web_branching")
    assert _progress(client, first) == "Page 1 of about 2"
    second = answer(client, first, {"has_pets": "yes"}).location
    assert second.endswith("/pet_food_page")
    assert _progress(client, second) == "Page 2 of about 3"


def test_a_page_that_does_not_apply_is_skipped(client: FlaskClient) -> None:
    response = answer(client, start(client, "web_branching"), {"has_pets": "no"})
    assert response.location.endswith("/smoke_page")


def test_opening_a_page_that_does_not_apply_goes_to_the_next_page_needed(client: FlaskClient) -> None:
    first = start(client, "web_branching")
    answer(client, first, {"has_pets": "no"})
    response = client.get(first.replace("pets_page", "pet_food_page"))
    assert response.status_code == 303 and response.location.endswith("/smoke_page")


def test_check_your_answers_lists_every_answer_with_a_change_link(client: FlaskClient) -> None:
    summary_url = _complete(client)
    assert summary_url.endswith("/check-your-answers")
    page = soup(client.get(summary_url))
    rows = [
        (row.select_one("dt").get_text(strip=True), row.select_one(".summary-value").get_text(strip=True))
        for row in page.select(".summary-row")
    ]
    assert rows == [
        ("Do you have pets?", "Yes"),
        ("Have you stored food for your pets?", "No"),
        ("Do you have a working smoke alarm?", "Yes"),
    ]
    change = page.select(".summary-actions a")[1]
    assert change["href"].endswith("/pet_food_page?change=1#pet_food")
    assert "Have you stored food for your pets?" in change.select_one(".visually-hidden").get_text()


def test_a_change_link_returns_to_check_your_answers(client: FlaskClient) -> None:
    summary_url = _complete(client)
    change_url = soup(client.get(summary_url)).select(".summary-actions a")[2]["href"].split("#")[0]
    page = client.get(change_url)
    assert soup(page).select_one("a.back-link")["href"] == summary_url
    response = answer(client, change_url, {"smoke_alarm": "no"})
    assert response.location == summary_url


def test_a_change_that_opens_a_new_page_asks_it_before_returning(client: FlaskClient) -> None:
    summary_url = _complete(client, has_pets="no")
    change_url = soup(client.get(summary_url)).select(".summary-actions a")[0]["href"].split("#")[0]
    response = answer(client, change_url, {"has_pets": "yes"})
    assert response.location.endswith("/pet_food_page?change=1")
    assert answer(client, response.location, {"pet_food": "yes"}).location == summary_url


def test_changing_an_earlier_answer_drops_the_hidden_answers_from_summary_and_result(client: FlaskClient) -> None:
    summary_url = _complete(client, has_pets="yes")
    result_url = summary_url.replace("check-your-answers", "your-result")
    assert "Store pet food" in client.get(result_url).get_data(as_text=True)
    change_url = soup(client.get(summary_url)).select(".summary-actions a")[0]["href"].split("#")[0]
    answer(client, change_url, {"has_pets": "no"})
    summary = client.get(summary_url).get_data(as_text=True)
    assert "Have you stored food for your pets?" not in summary
    result = client.get(result_url)
    assert "Store pet food" not in result.get_data(as_text=True)
    assert [th.get_text(strip=True) for th in soup(result).select(".score-table tbody th")] == ["Home"]


def test_check_your_answers_before_the_end_goes_to_the_first_unanswered_page(client: FlaskClient) -> None:
    first = start(client, "web_branching")
    response = client.get(first.replace("pets_page", "check-your-answers"))
    assert response.status_code == 303 and response.location == first
    assert client.get(first.replace("pets_page", "your-result")).location == first


def test_the_result_shows_levels_per_domain_as_chart_and_figures_and_the_plan_in_order(client: FlaskClient) -> None:
    summary_url = _complete(client, has_pets="yes")
    answer_change = soup(client.get(summary_url)).select(".summary-actions a")[2]["href"].split("#")[0]
    answer(client, answer_change, {"smoke_alarm": "no"})
    result = client.get(summary_url.replace("check-your-answers", "your-result"))
    page = soup(result)
    assert h1(result) == "Your result"
    assert page.select_one(".result-level").get_text(strip=True).startswith("Overall: ")
    rows = [[cell.get_text(strip=True) for cell in row.select("th, td")][:3] for row in page.select(".score-table tbody tr")]
    assert rows == [["Pets", "Vulnerable", "0"], ["Home", "Vulnerable", "0"]]
    assert [bar["width"] for bar in page.select("rect.bar-fill")] == ["0", "0"]
    assert page.select_one("svg.bar")["aria-hidden"] == "true"
    plan = [item.select_one(".plan-title").get_text(" ", strip=True) for item in page.select(".plan-item")]
    assert plan == ["Urgent Fit a smoke alarm", "Store pet food"]
    assert "Why you did not score higher" in result.get_data(as_text=True)
    assert page.find("a", string="Check or change your answers") is not None


def test_a_result_form_is_never_needed(client: FlaskClient) -> None:
    summary_url = _complete(client)
    assert soup(client.get(summary_url.replace("check-your-answers", "your-result"))).find("form") is None

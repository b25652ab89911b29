"""A date question is asked the GOV.UK way (day, month and year inputs), checked, saved as a date and shown in words."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from prepcheck.services import services_of
from tests.support.web_journey import answer, error_messages, form_of, response_id, soup, start


def _date(day: str, month: str, year: str) -> dict[str, str]:
    return {"supplies_checked-day": day, "supplies_checked-month": month, "supplies_checked-year": year}


def _saved(app: Flask, url: str) -> dict[str, object]:
    return dict(services_of(app).responses.load(response_id(url)).document.answers)


def test_the_date_is_asked_with_labelled_day_month_and_year_inputs_in_a_fieldset(client: FlaskClient) -> None:
    page = soup(client.get(start(client, "web_date")))
    fieldset = page.select_one("fieldset")
    assert fieldset.select_one("legend h1").get_text(strip=True) == "When did you last check your supplies?"
    inputs = fieldset.select("input")
    assert [field["name"] for field in inputs] == ["supplies_checked-day", "supplies_checked-month", "supplies_checked-year"]
    assert [page.find("label", attrs={"for": field["id"]}).get_text(strip=True) for field in inputs] == ["Day", "Month", "Year"]
    assert {(field["type"], field["inputmode"]) for field in inputs} == {("text", "numeric")}
    assert fieldset["aria-describedby"] == "supplies_checked-hint supplies_checked-example"
    assert page.find(id="supplies_checked-example").get_text(strip=True) == "For example, 27 3 2024"


def test_a_valid_date_is_saved_as_an_iso_date_and_leads_to_the_next_page(client: FlaskClient, app: Flask) -> None:
    first = start(client, "web_date")
    response = answer(client, first, _date(" 5 ", "3", "2024"))
    assert response.status_code == 303 and response.location.endswith("/box_page")
    assert _saved(app, first) == {"supplies_checked": "2024-03-05"}
    shown_again = soup(client.get(first))
    assert [field["value"] for field in shown_again.select("fieldset input")] == ["5", "3", "2024"]


def test_a_date_that_does_not_exist_gets_an_error_summary_and_keeps_what_was_typed(client: FlaskClient, app: Flask) -> None:
    first = start(client, "web_date")
    response = answer(client, first, _date("31", "2", "2024"))
    page = soup(response)
    assert response.status_code == 200 and page.title.get_text().startswith("Error: ")
    assert error_messages(response) == ["The date must be a real date"]
    assert page.select_one(".error-summary a")["href"] == "#supplies_checked"
    assert page.find(id="supplies_checked").get("name") == "supplies_checked-day"
    assert "supplies_checked-error" in page.select_one("fieldset")["aria-describedby"]
    assert [field["value"] for field in page.select("fieldset input")] == ["31", "2", "2024"]
    assert _saved(app, first) == {}


def test_a_missing_part_a_two_digit_year_and_no_date_at_all_are_explained(client: FlaskClient) -> None:
    first = start(client, "web_date")
    assert error_messages(answer(client, first, _date("5", "", "2024"))) == ["The date must include a day, a month and a year"]
    assert error_messages(answer(client, first, _date("5", "3", "24"))) == ["The date must be a real date"]
    assert error_messages(answer(client, first, _date(" ", "", ""))) == ["Enter a date"]


def test_check_your_answers_shows_the_date_in_words(client: FlaskClient) -> None:
    second = answer(client, start(client, "web_date"), _date("5", "3", "2024")).location
    summary = answer(client, second, {"supply_box": "yes"}).location
    assert summary.endswith("/check-your-answers")
    rows = {
        row.select_one("dt").get_text(strip=True): row.select_one(".summary-value").get_text(strip=True)
        for row in soup(client.get(summary)).select(".summary-row")
    }
    assert rows["When did you last check your supplies?"] == "5 March 2024"
    dutch = soup(client.get(summary, headers={"Accept-Language": "nl"}))
    assert "5 maart 2024" in [value.get_text(strip=True) for value in dutch.select(".summary-value")]


def test_a_date_before_the_rules_fixed_date_triggers_its_action(client: FlaskClient) -> None:
    second = answer(client, start(client, "web_date"), _date("5", "3", "2024")).location
    summary = answer(client, second, {"supply_box": "yes"}).location
    result = client.get(summary.replace("check-your-answers", "your-result")).get_data(as_text=True)
    assert "Check your supplies" in result


def test_a_date_sent_under_a_name_the_page_does_not_have_is_refused(client: FlaskClient, app: Flask) -> None:
    first = start(client, "web_date")
    action, hidden = form_of(client.get(first))
    for forged in ({"supplies_checked": "2024-03-05"}, {**_date("5", "3", "2024"), "supplies_checked-week": "9"}):
        assert client.post(action, data={**hidden, **forged}).status_code == 400
    assert _saved(app, first) == {}

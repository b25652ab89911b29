"""Question pages follow the GOV.UK patterns for every answer type, and errors keep what was entered."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.support.web_journey import answer, error_messages, h1, soup, start


def _walk_to(client: FlaskClient, page_id: str) -> str:
    """Answer web_answer_types up to (not including) `page_id`; its URL."""
    url = start(client, "web_answer_types")
    answers = {
        "radio_page": {"torch": "crank"},
        "checkbox_page": {"food": ["tins"]},
        "yes_no_page": {"cash": "yes"},
        "number_page": {"litres": "10"},
    }
    for current, data in answers.items():
        if current == page_id:
            return url
        url = answer(client, url, data).location
    return url


def test_a_one_question_page_makes_the_question_the_h1_inside_the_legend(client: FlaskClient) -> None:
    page = soup(client.get(start(client, "web_answer_types")))
    legend = page.select_one("fieldset > legend")
    assert legend.select_one("h1").get_text(strip=True) == "Which torch do you have?"
    assert page.select_one("fieldset")["aria-describedby"] == "torch-hint"


def test_radios_offer_every_option_with_its_hint_and_not_applicable(client: FlaskClient) -> None:
    page = soup(client.get(start(client, "web_answer_types")))
    radios = page.select("input[type=radio][name=torch]")
    assert [radio["value"] for radio in radios] == ["crank", "battery", "none", "n/a"]
    assert page.find("label", attrs={"for": radios[-1]["id"]}).get_text(strip=True) == "Not applicable"
    assert page.find(id=radios[0]["aria-describedby"]).get_text(strip=True) == "No batteries needed"


def test_checkboxes_sit_in_a_fieldset_with_not_applicable_set_apart(client: FlaskClient) -> None:
    page = soup(client.get(_walk_to(client, "checkbox_page")))
    boxes = page.select("fieldset input[type=checkbox][name=food]")
    assert [box["value"] for box in boxes] == ["tins", "dry", "nothing", "n/a"]
    assert page.select_one(".choice-divider").get_text(strip=True) == "or"


def test_yes_no_questions_offer_i_dont_know(client: FlaskClient) -> None:
    page = soup(client.get(_walk_to(client, "yes_no_page")))
    labels = [label.get_text(strip=True) for label in page.select(".choice-label")]
    assert labels == ["Yes", "No", "I don't know"]


def test_a_number_question_is_a_labelled_numeric_text_input_with_its_unit(client: FlaskClient) -> None:
    page = soup(client.get(_walk_to(client, "number_page")))
    field = page.select_one("input#litres")
    assert (field["type"], field["inputmode"]) == ("text", "numeric")
    assert field["aria-describedby"] == "litres-hint litres-unit"
    assert page.select_one("h1 label[for=litres]") is not None


def test_a_text_question_says_its_limit_and_that_it_is_optional(client: FlaskClient) -> None:
    page = soup(client.get(_walk_to(client, "text_page")))
    assert "(optional)" in page.select_one("label[for=note]").get_text()
    assert "20 characters" in page.find(id="note-limit").get_text()


def test_a_page_with_several_questions_has_the_page_title_as_h1(client: FlaskClient) -> None:
    page = client.get(start(client, "all_features"))
    assert h1(page) == "Who lives here"


def test_every_page_has_a_back_link_a_continue_button_and_no_browser_validation(client: FlaskClient) -> None:
    url = _walk_to(client, "yes_no_page")
    page = soup(client.get(url))
    assert page.select_one("a.back-link")["href"].endswith("/checkbox_page")
    assert page.select_one("form button").get_text(strip=True) == "Continue"
    assert page.select_one("form").has_attr("novalidate")


def test_progress_counts_the_pages_on_the_current_path(client: FlaskClient) -> None:
    page = soup(client.get(_walk_to(client, "number_page")))
    assert page.select_one(".progress").get_text(strip=True) == "Page 4 of about 5"


def test_a_missing_answer_shows_an_error_summary_linked_to_the_field_and_an_error_title(client: FlaskClient) -> None:
    response = answer(client, start(client, "web_answer_types"), {})
    page = soup(response)
    assert response.status_code == 200
    assert page.title.get_text().startswith("Error: ")
    summary = page.select_one(".error-summary")
    assert summary["role"] == "alert" and summary.has_attr("autofocus")
    assert summary.select_one("a")["href"] == "#torch"
    assert page.find(id="torch") is not None
    assert "Error:" in page.select_one("#torch-error").get_text()
    assert "torch-error" in page.select_one("fieldset")["aria-describedby"]


def test_a_wrong_number_is_explained_and_kept_in_the_field(client: FlaskClient) -> None:
    url = _walk_to(client, "number_page")
    response = answer(client, url, {"litres": "lots"})
    assert error_messages(response) == ["Enter a whole number, like 3"]
    assert soup(response).select_one("input#litres")["value"] == "lots"


def test_a_number_out_of_range_names_the_range(client: FlaskClient) -> None:
    response = answer(client, _walk_to(client, "number_page"), {"litres": "501"})
    assert error_messages(response) == ["Enter a number from 0 to 500"]


def test_digits_that_are_not_ascii_are_an_error_not_a_crash(client: FlaskClient) -> None:
    response = answer(client, _walk_to(client, "number_page"), {"litres": "²"})
    assert error_messages(response) == ["Enter a whole number, like 3"]


def test_over_long_text_is_explained_and_kept(client: FlaskClient) -> None:
    response = answer(client, _walk_to(client, "text_page"), {"note": "x" * 21})
    assert error_messages(response) == ["Use 20 characters or fewer"]
    assert soup(response).select_one("textarea#note").get_text() == "x" * 21


def test_combining_an_exclusive_option_keeps_the_ticked_boxes(client: FlaskClient) -> None:
    response = answer(client, _walk_to(client, "checkbox_page"), {"food": ["tins", "nothing"]})
    assert len(error_messages(response)) == 1
    ticked = [box["value"] for box in soup(response).select("input[name=food][checked]")]
    assert ticked == ["tins", "nothing"]


def test_not_applicable_is_accepted_as_an_answer(client: FlaskClient) -> None:
    response = answer(client, start(client, "web_answer_types"), {"torch": "n/a"})
    assert response.status_code == 303
    assert response.location.endswith("/checkbox_page")


def test_a_saved_answer_is_shown_when_the_page_is_opened_again(client: FlaskClient) -> None:
    first = start(client, "web_answer_types")
    answer(client, first, {"torch": "battery"})
    assert soup(client.get(first)).select_one("input[value=battery]").has_attr("checked")


def test_an_optional_question_may_be_left_empty(client: FlaskClient) -> None:
    response = answer(client, _walk_to(client, "text_page"), {"note": "  "})
    assert response.status_code == 303
    assert response.location.endswith("/check-your-answers")

"""The landing page offers the checks; starting one creates a response and goes to its first page."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.support.web_journey import h1, soup, start


def test_landing_page_explains_the_check_and_offers_a_start_button_per_questionnaire(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    buttons = [button.get_text(strip=True) for button in soup(response).select("form button")]
    assert "Start: Branching" in buttons
    assert "10 minutes" in response.get_data(as_text=True)


def test_starting_a_check_goes_to_its_first_page_under_a_long_random_id(client: FlaskClient) -> None:
    first = start(client, "web_branching")
    _, questionnaire, response_id, page = first.split("/")
    assert (questionnaire, page) == ("web_branching", "pets_page")
    assert len(response_id) >= 22  # token_urlsafe: at least 128 bits
    assert h1(client.get(first)) == "Do you have pets?"


def test_start_without_a_valid_token_is_refused_and_creates_nothing(client: FlaskClient, app: Flask) -> None:
    response = client.post("/web_branching/start", data={"token": "forged"})
    assert response.status_code == 400


def test_an_unknown_questionnaire_is_not_found(client: FlaskClient) -> None:
    assert client.get("/nothing_like_this/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/page").status_code == 404


def test_only_top_level_questionnaires_are_offered_by_default(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from prepcheck.config import Settings
    from prepcheck.engine.questionnaires import QuestionnaireRegistry

    folder = Settings().questionnaire_dir
    offered = QuestionnaireRegistry.from_folder(folder, include_tests=Settings().include_test_questionnaires)
    assert "all_features" not in offered

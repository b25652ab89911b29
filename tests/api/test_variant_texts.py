"""Texts that vary by the answers through the API: described with their rules, assessed in the words that fit."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.api.contract import assert_conforms

URL = "/api/v1/assessments"
NOTHING_DONE: dict[str, Any] = {"place": "mainland", "adults": 2, "meeting_place": "no", "radio_known": "no"}


def test_the_description_lists_each_variant_with_its_rule_and_the_texts_it_gives(
    small_client: FlaskClient, small_openapi: dict[str, Any]
) -> None:
    response = small_client.get("/api/v1/questionnaires/web_variants?lang=en")
    body = assert_conforms(small_openapi, "/api/v1/questionnaires/{questionnaire_id}", "GET", response)
    plan_page = body["pages"][1]
    assert plan_page["variants"] == [
        {
            "id": "alone",
            "if": "adults == 1",
            "title": "Your own plan",
            "intro": "A plan is what you decide before something happens.",
        }
    ]
    radio = plan_page["questions"][1]
    assert [(variant["id"], variant["if"], variant["hint"]) for variant in radio["variants"]] == [
        ("curacao", "place == 'curacao'", "On Curaçao it is 97.9 FM."),
        ("islands", "place != 'mainland'", "On your island, ask the island government."),
    ]
    assert [variant["text"] for variant in radio["variants"]] == [
        None,
        "Do you know the frequency of your island's emergency radio station?",
    ]
    assert body["pages"][0]["questions"][0]["variants"] == []


def test_an_assessment_sends_the_variant_texts_and_only_the_sources_behind_them(
    small_client: FlaskClient, small_openapi: dict[str, Any]
) -> None:
    answers = {**NOTHING_DONE, "place": "bonaire", "adults": 1}
    response = small_client.post(URL, json={"questionnaire": "web_variants", "answers": answers, "lang": "en"})
    body = assert_conforms(small_openapi, URL, "POST", response)
    assert [action["text"] for action in body["actions"]] == [
        "Agree with family or friends where you will meet.",
        "Ask your island government which station to tune to.",
    ]
    assert [source["id"] for source in body["sources"]] == ["S2", "C2"]
    assert "97.9" not in response.get_data(as_text=True)

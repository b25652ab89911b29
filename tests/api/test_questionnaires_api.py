"""Reading questionnaires through the API: the list, and one questionnaire translated for another front end."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from prepcheck.engine.rules import parse_rule


def test_list_names_ids_versions_titles_audience_and_languages(client: FlaskClient) -> None:
    body = client.get("/api/v1/questionnaires?lang=en").get_json()
    by_id = {item["id"]: item for item in body["questionnaires"]}
    assert by_id["household"]["audience"] == "household"
    assert by_id["business"]["audience"] == "business"
    assert by_id["household"]["version"] >= 1
    assert by_id["household"]["title"] == "How ready is your household?"
    assert by_id["household"]["languages"] == ["nl", "en", "pap", "fy"]


def test_texts_come_in_the_requested_language(client: FlaskClient) -> None:
    english = client.get("/api/v1/questionnaires/household?lang=en").get_json()
    dutch = client.get("/api/v1/questionnaires/household?lang=nl").get_json()
    assert english["title"] != dutch["title"]
    assert english["pages"][0]["questions"][0]["text"] != dutch["pages"][0]["questions"][0]["text"]
    assert dutch["lang"] == "nl"


def test_language_falls_back_to_accept_language_then_dutch(client: FlaskClient) -> None:
    english = client.get("/api/v1/questionnaires/household", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert english.get_json()["lang"] == "en"
    assert english.headers["Content-Language"] == "en"
    assert client.get("/api/v1/questionnaires/household", headers={"Accept-Language": "de"}).get_json()["lang"] == "nl"
    assert client.get("/api/v1/questionnaires/household").get_json()["lang"] == "nl"


def _questions(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {question["id"]: question for page in body["pages"] for question in page["questions"]}


def test_questions_carry_types_options_units_ranges_and_flags(client: FlaskClient) -> None:
    questions = _questions(client.get("/api/v1/questionnaires/household?lang=en").get_json())
    water = questions["water_litres"]
    assert (water["type"], water["minimum"], water["unit"]) == ("number", 0, "litres")
    assert water["maximum"] > 0
    assert [option["value"] for option in questions["first_aid"]["options"]] == ["yes", "no", "dont_know"]
    assert questions["first_aid"]["options"][2]["label"] == "I don't know"
    sources = questions["news_sources"]
    assert sources["type"] == "multiple_choice"
    assert all(option["label"] for option in sources["options"])
    assert any(question["not_applicable"] for question in questions.values())
    assert all(isinstance(question["optional"], bool) for question in questions.values())


def test_show_if_rules_are_source_text_in_the_rule_language(client: FlaskClient) -> None:
    body = client.get("/api/v1/questionnaires/household?lang=en").get_json()
    assert body["rule_language"] == "prepcheck-rules/1"
    rules = [page["show_if"] for page in body["pages"] if page["show_if"]]
    rules += [question["show_if"] for question in _questions(body).values() if question["show_if"]]
    assert rules
    for rule in rules:
        assert parse_rule(rule).source == rule


def test_domains_and_levels_are_listed_in_order(client: FlaskClient) -> None:
    body = client.get("/api/v1/questionnaires/business?lang=en").get_json()
    assert [level["min_score"] for level in body["levels"]] == sorted(level["min_score"] for level in body["levels"])
    assert body["levels"][0]["min_score"] == 0
    domain_ids = {domain["id"] for domain in body["domains"]}
    assert {question["domain"] for question in _questions(body).values() if question["domain"]} <= domain_ids

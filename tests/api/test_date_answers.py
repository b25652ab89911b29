"""Date questions through the API: described as type date, answered as 'YYYY-MM-DD', refused when not a real date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask.testing import FlaskClient

from tests.api.contract import assert_conforms, assert_problem

TEST_QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "questionnaires" / "test"
URL = "/api/v1/assessments"


def test_a_date_question_is_described_as_a_date_without_options_or_bounds(
    small_client: FlaskClient, small_openapi: dict[str, Any]
) -> None:
    response = small_client.get("/api/v1/questionnaires/web_date?lang=en")
    body = assert_conforms(small_openapi, "/api/v1/questionnaires/{questionnaire_id}", "GET", response)
    question = body["pages"][0]["questions"][0]
    assert (question["id"], question["type"], question["options"]) == ("supplies_checked", "date", [])
    assert (question["minimum"], question["maximum"], question["max_length"]) == (None, None, None)


def test_a_date_answer_is_assessed_against_the_rules_fixed_date(small_client: FlaskClient, small_openapi: dict[str, Any]) -> None:
    answers = {"supplies_checked": "2024-03-05", "supply_box": "yes"}
    response = small_client.post(URL, json={"questionnaire": "web_date", "answers": answers, "lang": "en"})
    body = assert_conforms(small_openapi, URL, "POST", response)
    assert [action["id"] for action in body["actions"]] == ["check_supplies"]
    later = small_client.post(URL, json={"questionnaire": "web_date", "answers": {**answers, "supplies_checked": "2025-03-05"}})
    assert later.get_json()["actions"] == []


def test_a_date_that_is_not_real_is_an_invalid_answer(small_client: FlaskClient, small_openapi: dict[str, Any]) -> None:
    answers = {"supplies_checked": "2024-02-30", "supply_box": "yes"}
    body = assert_problem(small_openapi, small_client.post(URL, json={"questionnaire": "web_date", "answers": answers}))
    assert body["status"] == 422
    assert [(entry["question"], entry["code"]) for entry in body["errors"]] == [("supplies_checked", "not_a_date")]

"""Contract tests: the OpenAPI document is valid, and every response, success or problem, matches it."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import pytest
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from prepcheck.api.problems import PROBLEM_MEDIA_TYPE
from prepcheck.api.responses import AssessmentResponse
from prepcheck.views.documents import schemas_for
from tests.api.contract import assert_conforms, assert_problem


def test_openapi_document_is_valid_openapi_3_1(openapi: dict[str, Any]) -> None:
    assert openapi["openapi"].startswith("3.1")
    validate(openapi)


def test_served_openapi_document_is_the_packaged_one(client: FlaskClient, openapi: dict[str, Any]) -> None:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.get_json() == openapi
    assert_conforms(openapi, "/api/openapi.json", "get", response)


def test_every_documented_error_status_uses_the_problem_schema(openapi: dict[str, Any]) -> None:
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            for status, spec in operation["responses"].items():
                if not status.startswith("2"):
                    assert spec["content"] == {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}, (
                        path,
                        method,
                    )


@pytest.mark.parametrize("lang", ["nl", "en", "pap", "fy"])
def test_questionnaire_list_conforms_in_every_language(client: FlaskClient, openapi: dict[str, Any], lang: str) -> None:
    response = client.get(f"/api/v1/questionnaires?lang={lang}")
    body = assert_conforms(openapi, "/api/v1/questionnaires", "get", response)
    assert {item["id"] for item in body["questionnaires"]} == {"household", "business"}


@pytest.mark.parametrize("questionnaire_id", ["household", "business"])
@pytest.mark.parametrize("lang", ["nl", "en", "pap", "fy"])
def test_questionnaire_description_conforms(
    client: FlaskClient, openapi: dict[str, Any], questionnaire_id: str, lang: str
) -> None:
    response = client.get(f"/api/v1/questionnaires/{questionnaire_id}?lang={lang}")
    assert_conforms(openapi, "/api/v1/questionnaires/{questionnaire_id}", "get", response)


@pytest.mark.parametrize(("questionnaire_id", "fixture"), [("household", "household_answers"), ("business", "business_answers")])
def test_assessment_conforms(
    client: FlaskClient, openapi: dict[str, Any], questionnaire_id: str, fixture: str, request: pytest.FixtureRequest
) -> None:
    answers = request.getfixturevalue(fixture)
    response = client.post("/api/v1/assessments", json={"questionnaire": questionnaire_id, "answers": answers, "lang": "en"})
    assert response.status_code == 200
    assert_conforms(openapi, "/api/v1/assessments", "post", response)


def test_assessment_with_previous_code_conforms(
    client: FlaskClient, openapi: dict[str, Any], household_answers: dict[str, Any]
) -> None:
    first = client.post("/api/v1/assessments", json={"questionnaire": "household", "answers": household_answers}).get_json()
    response = client.post(
        "/api/v1/assessments",
        json={"questionnaire": "household", "answers": household_answers, "previous_code": first["recheck_code"]},
    )
    body = assert_conforms(openapi, "/api/v1/assessments", "post", response)
    assert body["since_last_time"]["overall"]["direction"] == "same"


def _assessment_errors(schemas: dict[str, Any], body: Any) -> list[str]:
    root = {"$ref": "#/components/schemas/Assessment", "components": {"schemas": schemas}}
    return [error.message for error in Draft202012Validator(root).iter_errors(body)]


def test_an_assessment_with_a_member_more_or_less_than_its_views_breaks_the_contract(
    client: FlaskClient, openapi: dict[str, Any], household_answers: dict[str, Any]
) -> None:
    body = client.post("/api/v1/assessments", json={"questionnaire": "household", "answers": household_answers}).get_json()
    schemas = openapi["components"]["schemas"]
    assert _assessment_errors(schemas, body) == []
    undeclared = copy.deepcopy(body)
    undeclared["actions"][0]["deadline"] = "tomorrow"
    missing = copy.deepcopy(body)
    del missing["domains"][0]["lost"][0]["points_lost_formatted"]
    assert _assessment_errors(schemas, undeclared) and _assessment_errors(schemas, missing)


def test_a_field_added_to_the_views_but_not_sent_breaks_the_contract(
    client: FlaskClient, household_answers: dict[str, Any]
) -> None:
    @dataclass(frozen=True, slots=True)
    class GrownAssessment(AssessmentResponse):
        due_date: str

    body = client.post("/api/v1/assessments", json={"questionnaire": "household", "answers": household_answers}).get_json()
    assert _assessment_errors(schemas_for({"Assessment": GrownAssessment}), body) == ["'due_date' is a required property"]


def test_the_documented_example_request_is_a_complete_household_check(client: FlaskClient, openapi: dict[str, Any]) -> None:
    operation = openapi["paths"]["/api/v1/assessments"]["post"]
    example = operation["requestBody"]["content"]["application/json"]["example"]
    response = client.post("/api/v1/assessments", json=example)
    assert response.status_code == 200, response.get_json()
    assert_conforms(openapi, "/api/v1/assessments", "post", response)


def test_pdf_conforms(client: FlaskClient, openapi: dict[str, Any], household_answers: dict[str, Any]) -> None:
    response = client.post(
        "/api/v1/assessments/pdf", json={"questionnaire": "household", "answers": household_answers, "lang": "nl"}
    )
    assert response.status_code == 200
    assert_conforms(openapi, "/api/v1/assessments/pdf", "post", response)


def test_recheck_encode_and_decode_conform(
    client: FlaskClient, openapi: dict[str, Any], household_answers: dict[str, Any]
) -> None:
    encoded = client.post("/api/v1/recheck/encode", json={"questionnaire": "household", "answers": household_answers})
    code = assert_conforms(openapi, "/api/v1/recheck/encode", "post", encoded)["code"]
    decoded = client.post("/api/v1/recheck/decode", json={"questionnaire": "household", "code": code})
    body = assert_conforms(openapi, "/api/v1/recheck/decode", "post", decoded)
    assert body["previous"] is not None


BAD_REQUESTS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("get", "/api/v1/questionnaires?lang=xx", "/api/v1/questionnaires", {}),
    ("get", "/api/v1/questionnaires/nope", "/api/v1/questionnaires/{questionnaire_id}", {}),
    ("get", "/api/v1/questionnaires/household?lang=de", "/api/v1/questionnaires/{questionnaire_id}", {}),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"data": "{not json", "content_type": "application/json"}),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"data": "{}", "content_type": "text/plain"}),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"json": {"questionnaire": "nope", "answers": {}}}),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"json": {"questionnaire": "household", "answers": {}, "lang": "de"}}),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"json": {"questionnaire": "household", "answers": {"adults": -1}}}),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"json": [1, 2]}),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"data": "[" * 70000, "content_type": "application/json"}),
    ("post", "/api/v1/assessments/pdf", "/api/v1/assessments/pdf", {"json": {"questionnaire": "household", "answers": {}}}),
    ("get", "/api/v1/assessments", "/api/v1/assessments", {}),
    ("post", "/api/v1/recheck/decode", "/api/v1/recheck/decode", {"json": {"questionnaire": "household", "code": "AAAA"}}),
    ("post", "/api/v1/recheck/encode", "/api/v1/recheck/encode", {"json": {"questionnaire": "household", "answers": {"x": 1}}}),
]


@pytest.mark.parametrize(("method", "url", "path", "kwargs"), BAD_REQUESTS)
def test_every_problem_response_conforms(
    client: FlaskClient, openapi: dict[str, Any], method: str, url: str, path: str, kwargs: dict[str, Any]
) -> None:
    response = getattr(client, method)(url, **kwargs)
    assert 400 <= response.status_code < 500
    assert_problem(openapi, response)
    if method in openapi["paths"][path]:
        assert_conforms(openapi, path, method, response)

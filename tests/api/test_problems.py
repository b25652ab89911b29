"""Every kind of bad input gets an RFC 9457 problem that says what is wrong, never a page or a traceback."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck.services import install_services, services_of
from tests.api.contract import assert_problem
from tests.support.handmade_codes import pack

URL = "/api/v1/assessments"


def test_invalid_json_is_a_400_invalid_json_problem(client: FlaskClient, openapi: dict[str, Any]) -> None:
    body = assert_problem(openapi, client.post(URL, data='{"questionnaire": ', content_type="application/json"))
    assert body["status"] == 400
    assert body["type"] == "/api/problems/invalid-json"


def test_deeply_nested_json_is_refused_without_a_server_error(client: FlaskClient, openapi: dict[str, Any]) -> None:
    body = assert_problem(openapi, client.post(URL, data="[" * 30000 + "]" * 30000, content_type="application/json"))
    assert body["type"] == "/api/problems/invalid-json"


def test_body_that_is_not_utf8_is_invalid_json(client: FlaskClient, openapi: dict[str, Any]) -> None:
    body = assert_problem(openapi, client.post(URL, data=b"\xff\xfe{}", content_type="application/json"))
    assert body["type"] == "/api/problems/invalid-json"


def test_wrong_content_type_is_a_415_problem(client: FlaskClient, openapi: dict[str, Any]) -> None:
    body = assert_problem(
        openapi, client.post(URL, data="questionnaire=household", content_type="application/x-www-form-urlencoded")
    )
    assert body["status"] == 415
    assert body["type"] == "/api/problems/unsupported-media-type"


def test_body_too_large_is_a_413_problem(client: FlaskClient, openapi: dict[str, Any], app: Flask) -> None:
    too_big = '{"questionnaire": "household", "answers": {}, "lang": "' + "x" * app.config["MAX_CONTENT_LENGTH"] + '"}'
    body = assert_problem(openapi, client.post(URL, data=too_big, content_type="application/json"))
    assert body["status"] == 413
    assert body["type"] == "/api/problems/body-too-large"


def test_missing_and_unknown_fields_are_all_listed(client: FlaskClient, openapi: dict[str, Any]) -> None:
    body = assert_problem(openapi, client.post(URL, json={"questionaire": "household", "lang": 3}))
    assert body["status"] == 422
    codes = {(entry["pointer"], entry["code"]) for entry in body["errors"]}
    assert codes == {
        ("/questionnaire", "missing"),
        ("/answers", "missing"),
        ("/questionaire", "unknown_field"),
        ("/lang", "wrong_type"),
    }


def test_unknown_questionnaire_in_the_path_is_a_404_problem(client: FlaskClient, openapi: dict[str, Any]) -> None:
    body = assert_problem(openapi, client.get("/api/v1/questionnaires/garden"))
    assert body["status"] == 404
    assert body["type"] == "/api/problems/unknown-questionnaire"
    assert "household" in body["detail"]


def test_unknown_questionnaire_in_the_body_is_a_422_problem(client: FlaskClient, openapi: dict[str, Any]) -> None:
    body = assert_problem(openapi, client.post(URL, json={"questionnaire": "garden", "answers": {}}))
    assert body["status"] == 422
    assert body["errors"][0]["code"] == "unknown_questionnaire"


def test_unknown_language_is_a_problem_in_query_and_body(client: FlaskClient, openapi: dict[str, Any]) -> None:
    in_query = assert_problem(openapi, client.get("/api/v1/questionnaires/household?lang=de"))
    in_body = assert_problem(openapi, client.post(URL, json={"questionnaire": "household", "answers": {}, "lang": "de"}))
    assert (in_query["status"], in_body["status"]) == (400, 422)
    assert in_query["type"] == in_body["type"] == "/api/problems/unknown-language"
    assert in_body["errors"][0]["pointer"] == "/lang"


def test_invalid_answers_list_every_problem_with_its_question(
    client: FlaskClient, openapi: dict[str, Any], household_answers: dict[str, Any]
) -> None:
    answers = {**household_answers, "adults": 0.5, "radio": "crank_radio_typo", "news_sources": ["nope"], "colour": "blue"}
    del answers["food_days"]
    body = assert_problem(openapi, client.post(URL, json={"questionnaire": "household", "answers": answers}))
    assert body["status"] == 422
    assert body["type"] == "/api/problems/invalid-answers"
    found = {entry["question"]: entry["code"] for entry in body["errors"]}
    assert found == {
        "adults": "not_a_whole_number",
        "radio": "unknown_option",
        "news_sources": "unknown_option",
        "colour": "unknown_question",
        "food_days": "missing",
    }
    assert all(entry["pointer"] == f"/answers/{entry['question']}" for entry in body["errors"])
    assert body["detail"].startswith("5 answers")


def test_out_of_range_numbers_carry_their_bounds(
    client: FlaskClient, openapi: dict[str, Any], household_answers: dict[str, Any]
) -> None:
    body = assert_problem(
        openapi, client.post(URL, json={"questionnaire": "household", "answers": {**household_answers, "adults": 10**6}})
    )
    (entry,) = body["errors"]
    assert entry["code"] == "out_of_range"
    assert set(entry["params"]) == {"minimum", "maximum"}


def test_answers_that_are_not_an_object_are_an_invalid_request(client: FlaskClient, openapi: dict[str, Any]) -> None:
    body = assert_problem(openapi, client.post(URL, json={"questionnaire": "household", "answers": ["yes"]}))
    assert body["type"] == "/api/problems/invalid-request"


def test_unknown_address_under_api_is_a_404_problem_not_a_page(client: FlaskClient, openapi: dict[str, Any]) -> None:
    for url in ("/api/v2/questionnaires", "/api/v1/nothing", "/api/v1/questionnaires/household/pages"):
        body = assert_problem(openapi, client.get(url))
        assert body["type"] == "/api/problems/not-found"


def test_wrong_method_is_a_405_problem_with_allow(client: FlaskClient, openapi: dict[str, Any]) -> None:
    for method, url in (
        ("get", URL),
        ("put", URL),
        ("delete", "/api/v1/questionnaires/household"),
        ("post", "/api/openapi.json"),
    ):
        response = getattr(client, method)(url)
        body = assert_problem(openapi, response)
        assert body["type"] == "/api/problems/method-not-allowed"
        assert "Allow" in response.headers


def test_unexpected_failure_is_a_500_problem_without_traceback(
    client: FlaskClient, openapi: dict[str, Any], app: Flask, household_answers: dict[str, Any]
) -> None:
    class BrokenPlans:
        def wait(self, *args: Any, **kwargs: Any) -> None:
            raise RuntimeError("secret internals")

    install_services(app, replace(services_of(app), plans=BrokenPlans()))
    response = client.post("/api/v1/assessments/pdf", json={"questionnaire": "household", "answers": household_answers})
    body = assert_problem(openapi, response)
    assert body["status"] == 500
    assert "secret internals" not in response.get_data(as_text=True)


def test_web_pages_keep_their_html_error_pages(client: FlaskClient) -> None:
    response = client.get("/no/such/page/here")
    assert response.status_code == 404
    assert response.mimetype == "text/html"


LONE_SURROGATE = "\ud800"
"""Valid JSON escapes, but no character: text holding one cannot be written out as UTF-8."""

_BODIES_WITH_A_LONE_SURROGATE = {
    "questionnaire": {"questionnaire": LONE_SURROGATE, "answers": {}},
    "answer name": {"questionnaire": "household", "answers": {LONE_SURROGATE: 1}},
    "answer value": {"questionnaire": "household", "answers": {"household_size": LONE_SURROGATE}},
    "language": {"questionnaire": "household", "answers": {}, "lang": LONE_SURROGATE},
    "context name": {"questionnaire": "household", "answers": {}, "context": {LONE_SURROGATE: 1}},
    "code": {"questionnaire": "household", "code": LONE_SURROGATE, "previous_code": "x" + LONE_SURROGATE},
    "unknown field": {"questionnaire": "household", "answers": {}, LONE_SURROGATE: 1},
}


@pytest.mark.parametrize("place", sorted(_BODIES_WITH_A_LONE_SURROGATE))
@pytest.mark.parametrize(
    "operation", ["/api/v1/assessments", "/api/v1/assessments/pdf", "/api/v1/recheck/encode", "/api/v1/recheck/decode"]
)
def test_a_lone_surrogate_anywhere_in_the_body_is_invalid_json_not_a_server_error(
    client: FlaskClient, openapi: dict[str, Any], operation: str, place: str
) -> None:
    sent = json.dumps(_BODIES_WITH_A_LONE_SURROGATE[place])  # ASCII JSON: the surrogate travels as the escape \ud800
    body = assert_problem(openapi, client.post(operation, data=sent, content_type="application/json"))
    assert (body["status"], body["type"]) == (400, "/api/problems/invalid-json")
    assert "surrogate" in body["detail"]


def test_a_character_written_as_a_surrogate_pair_is_still_text(client: FlaskClient, openapi: dict[str, Any]) -> None:
    sent = json.dumps({"questionnaire": "\U0001f600", "answers": {}})  # the pair \ud83d\ude00: one emoji
    body = assert_problem(openapi, client.post(URL, data=sent, content_type="application/json"))
    assert (body["status"], body["type"]) == (422, "/api/problems/unknown-questionnaire")
    assert "\U0001f600" in body["detail"]


def test_a_forged_re_check_code_holding_a_lone_surrogate_is_an_invalid_code(client: FlaskClient, openapi: dict[str, Any]) -> None:
    forged = pack(["household", 1, {"\ud800": 1}, None])
    body = assert_problem(openapi, client.post("/api/v1/recheck/decode", json={"questionnaire": "household", "code": forged}))
    assert (body["status"], body["type"]) == (422, "/api/problems/invalid-recheck-code")
    assert body["errors"][0]["code"] == "damaged"

"""The OpenAPI 3.1 description of the API, served at /api/openapi.json and checked by the contract tests."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from prepcheck.api.schemas import RESPONSE_SCHEMAS, Schema, ref, request_schemas
from prepcheck.config import SUPPORTED_LOCALES

API_VERSION = "1.0.0"
PROBLEM_JSON = "application/problem+json"

_PROBLEM_TEXTS = {
    "400": "Bad JSON, or an unknown language in the query.",
    "404": "No such questionnaire, or no such address.",
    "405": "The method is not allowed on this address.",
    "413": "The body is larger than the server accepts.",
    "415": "The body is not application/json.",
    "422": "The body is JSON but does not fit: fields, questionnaire, language, answers or re-check code.",
    "429": "Too many requests from this address in a short time; the Retry-After header says how many seconds to wait.",
    "500": "An unexpected error (never for bad input).",
    "503": "The PDF could not be made just now (its renderer failed or is busy); the Retry-After header says when to try again.",
}


def _problems(*statuses: str) -> dict[str, Any]:
    return {
        status: {"description": _PROBLEM_TEXTS[status], "content": {PROBLEM_JSON: {"schema": ref("Problem")}}}
        for status in (*statuses, "405", "500")
    }


def _json_response(description: str, schema: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ref(schema)}}}


def _json_body(schema: str, example: dict[str, Any] | None) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": ref(schema)}
    if example is not None:
        media["example"] = example
    return {"required": True, "content": {"application/json": media}}


_LANG_PARAMETER: Schema = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "Language of the texts; default: the best match of Accept-Language, else nl.",
    "schema": {"type": "string", "enum": list(SUPPORTED_LOCALES)},
}

HOUSEHOLD_EXAMPLE_FILE = Path(__file__).resolve().parent / "household_example.json"
"""A complete household answer set: the example request body of the assessment operations."""
_ASSESSMENT_EXAMPLE = {
    "questionnaire": "household",
    "lang": "en",
    "answers": json.loads(HOUSEHOLD_EXAMPLE_FILE.read_text(encoding="utf-8")),
}
_ENCODE_EXAMPLE = {"questionnaire": "household", "answers": {"adults": 2, "children": 1}}
_DECODE_EXAMPLE = {
    "questionnaire": "household",
    "code": "AYtWysgvLU7NyM9JUdIx1KlWSkwpzSkpVrIy0lFKzsjMSSlKzVOyMqzVySvNyYkFAHixsGk",
}
_BODY_PROBLEMS = ("400", "413", "415", "422")


def _paths(questionnaire_ids: tuple[str, ...]) -> dict[str, Any]:
    def example(body: dict[str, Any]) -> dict[str, Any] | None:
        return body if "household" in questionnaire_ids else None

    return {
        "/api/openapi.json": {
            "get": {
                "operationId": "getOpenApi",
                "summary": "This description",
                "responses": {"200": _json_response("The OpenAPI 3.1 document.", "OpenApiDocument"), **_problems()},
            }
        },
        "/api/v1/questionnaires": {
            "get": {
                "operationId": "listQuestionnaires",
                "summary": "The questionnaires on offer",
                "parameters": [_LANG_PARAMETER],
                "responses": {
                    "200": _json_response("Ids, versions, titles, audience and languages.", "QuestionnaireList"),
                    **_problems("400"),
                },
            }
        },
        "/api/v1/questionnaires/{questionnaire_id}": {
            "get": {
                "operationId": "getQuestionnaire",
                "summary": "One questionnaire, translated, with its pages, questions, options and show-if rules",
                "parameters": [
                    {
                        "name": "questionnaire_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "enum": list(questionnaire_ids)},
                    },
                    _LANG_PARAMETER,
                ],
                "responses": {"200": _json_response("The questionnaire.", "Questionnaire"), **_problems("400", "404")},
            }
        },
        "/api/v1/assessments": {
            "post": {
                "operationId": "createAssessment",
                "summary": "Score answers: levels, explanations, actions, quantities and sources (nothing is stored)",
                "requestBody": _json_body("AssessmentRequest", example(_ASSESSMENT_EXAMPLE)),
                "responses": {
                    "200": _json_response("The assessment, in the requested language.", "Assessment"),
                    **_problems(*_BODY_PROBLEMS),
                },
            }
        },
        "/api/v1/assessments/pdf": {
            "post": {
                "operationId": "createAssessmentPdf",
                "summary": "The personal action plan as a PDF (nothing is stored)",
                "requestBody": _json_body("AssessmentRequest", example(_ASSESSMENT_EXAMPLE)),
                "responses": {
                    "200": {
                        "description": "The action plan (PDF/UA-1).",
                        "content": {"application/pdf": {"schema": {"type": "string", "contentMediaType": "application/pdf"}}},
                    },
                    **_problems(*_BODY_PROBLEMS, "429", "503"),
                },
            }
        },
        "/api/v1/recheck/encode": {
            "post": {
                "operationId": "encodeRecheck",
                "summary": "A re-check code for answers (complete answers also store the scores, for 'what changed')",
                "requestBody": _json_body("RecheckEncodeRequest", example(_ENCODE_EXAMPLE)),
                "responses": {"200": _json_response("The code.", "RecheckCode"), **_problems(*_BODY_PROBLEMS)},
            }
        },
        "/api/v1/recheck/decode": {
            "post": {
                "operationId": "decodeRecheck",
                "summary": "The answers in a re-check code that still fit the questionnaire, and what was dropped",
                "requestBody": _json_body("RecheckDecodeRequest", example(_DECODE_EXAMPLE)),
                "responses": {
                    "200": _json_response("The answers, notes and last time's scores.", "RecheckDecoded"),
                    **_problems(*_BODY_PROBLEMS),
                },
            }
        },
    }


@lru_cache(maxsize=8)
def _document(questionnaire_ids: tuple[str, ...]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "prepcheck API",
            "version": API_VERSION,
            "description": "Preparedness self-assessment for households and businesses. Errors are RFC 9457 problem details. "
            "See docs/api.md.",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": "/"}],
        "paths": _paths(questionnaire_ids),
        "components": {"schemas": {**request_schemas(questionnaire_ids), **RESPONSE_SCHEMAS}},
    }


def openapi_document(questionnaire_ids: Iterable[str]) -> dict[str, Any]:
    """A fresh copy of the OpenAPI document for a server offering these questionnaires (callers may change it)."""
    return copy.deepcopy(_document(tuple(sorted(questionnaire_ids))))

"""JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of every request and response body of the API.

The assessment's schemas are generated from its view types (prepcheck.views.documents), so they cannot drift
from the JSON the API sends; the others describe documents that are built by hand.
"""

from __future__ import annotations

from typing import Any

from prepcheck.api.problems import PROBLEM_TITLES, PROBLEM_TYPE_BASE
from prepcheck.api.responses import AssessmentResponse
from prepcheck.config import SUPPORTED_LOCALES
from prepcheck.engine.model import QuestionType
from prepcheck.views.documents import schemas_for

Schema = dict[str, Any]


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: Schema, required: list[str] | None = None) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": required if required is not None else list(properties),
        "additionalProperties": False,
    }


STRING: Schema = {"type": "string"}
NULLABLE_STRING: Schema = {"type": ["string", "null"]}
INTEGER: Schema = {"type": "integer"}
NULLABLE_INTEGER: Schema = {"type": ["integer", "null"]}
BOOLEAN: Schema = {"type": "boolean"}
NUMBER: Schema = {"type": "number"}
STRINGS: Schema = {"type": "array", "items": STRING}
LANGUAGE: Schema = {"type": "string", "enum": list(SUPPORTED_LOCALES)}
ID: Schema = {"type": "string", "maxLength": 200}

ANSWER: Schema = {
    "description": "A whole number, an option value (or yes / no / dont_know), a list of option values, text, "
    "a date (YYYY-MM-DD), or 'n/a'.",
    "oneOf": [INTEGER, STRING, STRINGS, {"type": "null"}],
}


def request_schemas(questionnaire_ids: tuple[str, ...]) -> dict[str, Schema]:
    """The request bodies; `questionnaire` names one of the questionnaires this server offers."""
    questionnaire: Schema = {"type": "string", "enum": list(questionnaire_ids)}
    answers: Schema = {"type": "object", "additionalProperties": ANSWER, "description": "Question id to answer."}
    return {
        "AssessmentRequest": _object(
            {
                "questionnaire": questionnaire,
                "answers": answers,
                "lang": {**LANGUAGE, "description": "Default: the best match of Accept-Language, else nl."},
                "context": {"type": "object", "description": "Values for the questionnaire's declared context variables."},
                "previous_code": {"type": "string", "description": "A re-check code from last time: adds since_last_time."},
            },
            ["questionnaire", "answers"],
        ),
        "RecheckEncodeRequest": _object(
            {"questionnaire": questionnaire, "answers": answers, "context": {"type": "object"}}, ["questionnaire", "answers"]
        ),
        "RecheckDecodeRequest": _object({"questionnaire": questionnaire, "code": {"type": "string"}}),
    }


_SUMMARY_PROPERTIES: Schema = {
    "id": STRING,
    "version": INTEGER,
    "title": STRING,
    "description": STRING,
    "audience": {"type": "string", "enum": ["household", "business"]},
    "languages": {"type": "array", "items": LANGUAGE},
    "default_language": LANGUAGE,
    "href": STRING,
}

_OPTION: Schema = _object({"value": STRING, "label": STRING, "hint": STRING, "exclusive": BOOLEAN})


def _variants(*fields: str) -> Schema:
    return {
        "type": "array",
        "description": "Texts that vary by the answers: each text comes from the first variant whose rule (`if`) holds "
        "and that gives it (not null); none does: the page's or question's own.",
        "items": _object(
            {"id": STRING, "if": {**STRING, "description": "A rule in the documented rule language."}}
            | {field: NULLABLE_STRING for field in fields}
        ),
    }


_QUESTION: Schema = _object(
    {
        "id": STRING,
        "type": {"type": "string", "enum": [question_type.value for question_type in QuestionType]},
        "text": STRING,
        "hint": STRING,
        "unit": STRING,
        "options": {"type": "array", "items": _OPTION},
        "minimum": NULLABLE_INTEGER,
        "maximum": NULLABLE_INTEGER,
        "max_length": NULLABLE_INTEGER,
        "optional": BOOLEAN,
        "not_applicable": {"type": "boolean", "description": "Whether 'n/a' (not applicable) is a valid answer."},
        "show_if": {"type": ["string", "null"], "description": "A rule in the documented rule language; null: always shown."},
        "domain": NULLABLE_STRING,
        "variants": _variants("text", "hint"),
    }
)

_PAGE: Schema = _object(
    {
        "id": STRING,
        "title": STRING,
        "intro": STRING,
        "show_if": NULLABLE_STRING,
        "variants": _variants("title", "intro"),
        "questions": {"type": "array", "items": _QUESTION},
    }
)

_HAND_WRITTEN_RESPONSE_SCHEMAS: dict[str, Schema] = {
    "QuestionnaireSummary": _object(_SUMMARY_PROPERTIES),
    "QuestionnaireList": _object({"lang": LANGUAGE, "questionnaires": {"type": "array", "items": ref("QuestionnaireSummary")}}),
    "Questionnaire": _object(
        {
            **_SUMMARY_PROPERTIES,
            "lang": LANGUAGE,
            "rule_language": {"type": "string", "const": "prepcheck-rules/1"},
            "not_applicable_value": {"type": "string", "const": "n/a"},
            "domains": {
                "type": "array",
                "items": _object({"id": STRING, "title": STRING, "description": STRING, "weight": NUMBER}),
            },
            "levels": {
                "type": "array",
                "items": _object({"id": STRING, "title": STRING, "description": STRING, "min_score": INTEGER}),
            },
            "context": {
                "type": "array",
                "items": _object(
                    {
                        "id": STRING,
                        "type": {"type": "string", "enum": ["number", "single_choice"]},
                        "options": STRINGS,
                        "default": {"type": ["string", "number", "null"]},
                    }
                ),
            },
            "pages": {"type": "array", "items": _PAGE},
        }
    ),
    "RecheckCode": _object(
        {
            "questionnaire": STRING,
            "version": INTEGER,
            "code": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
            "with_scores": BOOLEAN,
        }
    ),
    "RecheckDecoded": _object(
        {
            "questionnaire": STRING,
            "version": INTEGER,
            "current_version": INTEGER,
            "answers": {"type": "object", "additionalProperties": ANSWER},
            "notes": {
                "type": "array",
                "items": _object(
                    {
                        "question": NULLABLE_STRING,
                        "code": {
                            "type": "string",
                            "enum": ["other_version", "question_removed", "options_removed", "answer_no_longer_valid"],
                        },
                        "message": STRING,
                    }
                ),
            },
            "previous": {
                "oneOf": [
                    {"type": "null"},
                    _object(
                        {
                            "score": INTEGER,
                            "level": STRING,
                            "domains": {"type": "array", "items": _object({"id": STRING, "score": INTEGER, "level": STRING})},
                        }
                    ),
                ]
            },
        }
    ),
    "Problem": _object(
        {
            "type": {"type": "string", "enum": [PROBLEM_TYPE_BASE + kind for kind in PROBLEM_TITLES]},
            "title": {"type": "string", "enum": list(PROBLEM_TITLES.values())},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": STRING,
            "instance": STRING,
            "errors": {
                "type": "array",
                "items": _object(
                    {
                        "question": {"type": ["string", "null"], "description": "The question id the problem concerns."},
                        "pointer": {"type": ["string", "null"], "description": "JSON Pointer into the request body."},
                        "code": STRING,
                        "message": STRING,
                        "params": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean", "null"]}},
                    }
                ),
            },
        }
    ),
    "OpenApiDocument": {"type": "object", "required": ["openapi", "info", "paths"]},
}

_GENERATED_RESPONSE_SCHEMAS = schemas_for({"Assessment": AssessmentResponse})
if _GENERATED_RESPONSE_SCHEMAS.keys() & _HAND_WRITTEN_RESPONSE_SCHEMAS.keys():
    raise TypeError(
        f"schema names used twice: {sorted(_GENERATED_RESPONSE_SCHEMAS.keys() & _HAND_WRITTEN_RESPONSE_SCHEMAS.keys())}"
    )
RESPONSE_SCHEMAS: dict[str, Schema] = {**_HAND_WRITTEN_RESPONSE_SCHEMAS, **_GENERATED_RESPONSE_SCHEMAS}

"""JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of every request and response body of the API."""

from __future__ import annotations

from typing import Any

from prepcheck.api.problems import PROBLEM_TITLES, PROBLEM_TYPE_BASE
from prepcheck.config import SUPPORTED_LOCALES

Schema = dict[str, Any]


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: Schema, required: list[str] | None = None, *, closed: bool = True) -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": properties,
        "required": required if required is not None else list(properties),
    }
    if closed:
        schema["additionalProperties"] = False
    return schema


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
    "description": "A whole number, an option value (or yes / no / dont_know), a list of option values, text, or 'n/a'.",
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

_QUESTION: Schema = _object(
    {
        "id": STRING,
        "type": {"type": "string", "enum": ["single_choice", "multiple_choice", "yes_no", "number", "text"]},
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
    }
)

_PAGE: Schema = _object(
    {
        "id": STRING,
        "title": STRING,
        "intro": STRING,
        "show_if": NULLABLE_STRING,
        "questions": {"type": "array", "items": _QUESTION},
    }
)

_QUANTITY: Schema = _object({"id": STRING, "label": STRING, "value": NUMBER, "unit": STRING, "formatted": STRING}, closed=False)

_CHANGE: Schema = _object(
    {
        "domain": NULLABLE_STRING,
        "score_before": NULLABLE_INTEGER,
        "score_after": NULLABLE_INTEGER,
        "score_change": NULLABLE_INTEGER,
        "level_before": NULLABLE_STRING,
        "level_after": NULLABLE_STRING,
        "direction": {"type": "string", "enum": ["better", "worse", "same", "new", "gone"]},
    }
)

# Objects made by prepcheck.views.present stay open (additionalProperties allowed): the presenter may grow.
_DOMAIN_RESULT: Schema = _object(
    {
        "id": STRING,
        "title": STRING,
        "applies": BOOLEAN,
        "score": INTEGER,
        "level": STRING,
        "level_title": STRING,
        "capped_by": STRINGS,
        "held_below": NULLABLE_STRING,
        "lost": {
            "type": "array",
            "items": _object(
                {"question": STRING, "question_text": STRING, "answer": STRING, "points_lost": NUMBER}, closed=False
            ),
        },
    },
    closed=False,
)

_ACTION: Schema = _object(
    {
        "id": STRING,
        "critical": BOOLEAN,
        "title": STRING,
        "text": STRING,
        "why": STRING,
        "timeframe": {"type": "string", "enum": ["today", "this_week", "this_month", "this_year"]},
        "timeframe_label": STRING,
        "impact": INTEGER,
        "effort": INTEGER,
        "cost": {"type": ["string", "null"], "enum": ["free", "low", "medium", "high", None]},
        "cost_label": NULLABLE_STRING,
        "owner": NULLABLE_STRING,
        "owner_title": NULLABLE_STRING,
        "domain": NULLABLE_STRING,
        "section": STRING,
        "triggered_by": STRINGS,
        "quantities": {"type": "array", "items": _QUANTITY},
        "sources": STRINGS,
    },
    closed=False,
)

RESPONSE_SCHEMAS: dict[str, Schema] = {
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
    "Change": _CHANGE,
    "Assessment": _object(
        {
            "questionnaire": _object({"id": STRING, "version": INTEGER, "title": STRING}, closed=False),
            "locale": LANGUAGE,
            "score": {"type": "integer", "minimum": 0, "maximum": 100},
            "level": STRING,
            "level_title": STRING,
            "domains": {"type": "array", "items": _DOMAIN_RESULT},
            "actions": {"type": "array", "items": _ACTION},
            "quantities": {"type": "array", "items": _QUANTITY},
            "sources": {
                "type": "array",
                "items": _object({"id": STRING, "title": STRING, "url": STRING, "publisher": STRING}, closed=False),
            },
            "recheck_code": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
            "since_last_time": {
                "oneOf": [
                    {"type": "null"},
                    _object({"overall": ref("Change"), "domains": {"type": "array", "items": ref("Change")}}),
                ]
            },
        },
        closed=False,
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

"""The JSON Schema of the questionnaire format: the structural layer of validation, also given to editors."""

from __future__ import annotations

from typing import Any

from prepcheck.engine.model import Audience, CostBand, QuestionType, Timeframe

ID_PATTERN = "^[a-z][a-z0-9_]{0,62}$"

_ID = {"type": "string", "pattern": ID_PATTERN, "description": "A stable id: lower case letters, digits and _."}
_TEXT = {"type": "string", "minLength": 1, "maxLength": 2000}
_RULE = {"type": "string", "minLength": 1, "maxLength": 2000, "description": "A rule in the rule language."}
_ID_LIST = {"type": "array", "items": _ID, "uniqueItems": True}
SOURCE_ID_PATTERN = "^[A-Za-z][A-Za-z0-9_-]{0,62}$"
_SOURCE_ID = {"type": "string", "pattern": SOURCE_ID_PATTERN, "description": "The id of an entry in the source list."}
_SOURCE_LIST = {"type": "array", "items": _SOURCE_ID, "uniqueItems": True}


def _object(properties: dict[str, Any], required: list[str], description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


OPTION = _object(
    {
        "value": _ID,
        "label": _TEXT,
        "hint": _TEXT,
        "points": {"type": "number", "minimum": 0, "maximum": 100},
        "critical": {"type": "boolean", "description": "Choosing this option caps the domain at the lowest level."},
        "exclusive": {"type": "boolean", "description": 'Multiple choice: this option cannot be combined ("none of these").'},
    },
    ["value", "label"],
)

SCORE_BAND = _object(
    {"if": _RULE, "points": {"type": "number", "minimum": 0, "maximum": 100}},
    ["if", "points"],
    "Number questions: the points given when the rule holds; the first band that holds wins.",
)

QUESTION = _object(
    {
        "id": _ID,
        "type": {"enum": [t.value for t in QuestionType]},
        "text": _TEXT,
        "hint": _TEXT,
        "domain": _ID,
        "weight": {"type": "number", "exclusiveMinimum": 0, "maximum": 10},
        "options": {"type": "array", "items": OPTION, "minItems": 2, "maxItems": 30},
        "points": _object(
            {"yes": {"type": "number", "minimum": 0, "maximum": 100}, "no": {"type": "number", "minimum": 0, "maximum": 100}},
            [],
            'Yes/no questions: points for yes and no. "Don\'t know" always earns what "no" earns.',
        ),
        "critical": {"type": "array", "items": {"enum": ["yes", "no"]}, "uniqueItems": True},
        "scoring": {"type": "array", "items": SCORE_BAND, "minItems": 1},
        "max_points": {"type": "number", "exclusiveMinimum": 0, "maximum": 100},
        "min": {"type": "integer", "minimum": -1000000, "maximum": 1000000},
        "max": {"type": "integer", "minimum": -1000000, "maximum": 1000000},
        "unit": _TEXT,
        "max_length": {"type": "integer", "minimum": 1, "maximum": 2000},
        "optional": {"type": "boolean"},
        "not_applicable": {"type": "boolean", "description": 'Offer a "not applicable" answer.'},
        "show_if": _RULE,
        "critical_if": _RULE,
        "gate": {**_ID, "description": "The domain cannot reach this level unless this question earns full points."},
        "sources": _SOURCE_LIST,
        "note": {"type": "string", "description": "For editors only: why the question scores as it does."},
    },
    ["id", "type", "text"],
)

PAGE = _object(
    {
        "id": _ID,
        "title": _TEXT,
        "intro": _TEXT,
        "show_if": _RULE,
        "questions": {"type": "array", "items": QUESTION, "minItems": 1},
    },
    ["id", "title", "questions"],
)

QUANTITY = _object(
    {
        "id": _ID,
        "label": _TEXT,
        "unit": {"type": "string", "minLength": 1, "maxLength": 40},
        "formula": _RULE,
        "rounding": {"enum": ["up", "nearest", "none"]},
        "cases": {
            "type": "array",
            "items": _object(
                {"if": _RULE, "formula": _RULE, "unit": {"type": "string", "minLength": 1, "maxLength": 40}},
                ["if", "formula"],
            ),
        },
        "note": {"type": "string"},
    },
    ["id", "label", "unit", "formula"],
)

ACTION = _object(
    {
        "id": _ID,
        "title": _TEXT,
        "text": _TEXT,
        "why": _TEXT,
        "if": _RULE,
        "domain": _ID,
        "critical": {"type": "boolean"},
        "impact": {"type": "integer", "minimum": 1, "maximum": 5},
        "effort": {"type": "integer", "minimum": 1, "maximum": 5},
        "timeframe": {"enum": [t.value for t in Timeframe]},
        "cost": {"enum": [c.value for c in CostBand]},
        "owner": _ID,
        "section": {"enum": ["plan", "rules"], "description": 'rules: listed under "which rules may apply to you".'},
        "quantities": _ID_LIST,
        "sources": {**_SOURCE_LIST, "minItems": 1},
    },
    ["id", "title", "text", "why", "if", "impact", "effort", "timeframe", "sources"],
)

QUESTIONNAIRE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://prepcheck.example/schema/questionnaire.json",
    "title": "prepcheck questionnaire",
    **_object(
        {
            "id": _ID,
            "version": {"type": "integer", "minimum": 1},
            "title": _TEXT,
            "description": _TEXT,
            "audience": {"enum": [a.value for a in Audience]},
            "domains": {
                "type": "array",
                "minItems": 1,
                "items": _object(
                    {
                        "id": _ID,
                        "title": _TEXT,
                        "weight": {"type": "number", "exclusiveMinimum": 0, "maximum": 10},
                        "description": _TEXT,
                        "note": {"type": "string"},
                    },
                    ["id", "title", "weight"],
                ),
            },
            "levels": {
                "type": "array",
                "minItems": 2,
                "maxItems": 6,
                "items": _object(
                    {
                        "id": _ID,
                        "title": _TEXT,
                        "min_score": {"type": "integer", "minimum": 0, "maximum": 100},
                        "description": _TEXT,
                    },
                    ["id", "title", "min_score"],
                ),
            },
            "roles": {"type": "array", "items": _object({"id": _ID, "title": _TEXT}, ["id", "title"])},
            "context": {
                "type": "array",
                "items": _object(
                    {
                        "id": _ID,
                        "type": {"enum": ["number", "single_choice"]},
                        "options": {"type": "array", "items": _ID, "minItems": 1},
                        "default": {"type": ["string", "integer"]},
                    },
                    ["id", "type", "default"],
                ),
            },
            "pages": {"type": "array", "items": PAGE, "minItems": 1},
            "quantities": {"type": "array", "items": QUANTITY},
            "actions": {"type": "array", "items": ACTION},
            "sources": {
                "type": "array",
                "minItems": 1,
                "items": _object(
                    {
                        "id": _SOURCE_ID,
                        "title": _TEXT,
                        "url": {"type": "string", "pattern": "^https?://[^\\s]+$", "maxLength": 2000},
                        "publisher": _TEXT,
                    },
                    ["id", "title", "url"],
                ),
            },
        },
        ["id", "version", "title", "audience", "domains", "pages", "actions", "sources"],
    ),
}

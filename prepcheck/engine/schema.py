"""The JSON Schema of the questionnaire format: the structural layer of validation, also given to editors."""

from __future__ import annotations

from typing import Any

from prepcheck.engine.answer_types import TYPE_KEYS
from prepcheck.engine.model import Audience, CostBand, QuestionType, Timeframe
from prepcheck.engine.schema_parts import ID as _ID
from prepcheck.engine.schema_parts import RULE as _RULE
from prepcheck.engine.schema_parts import TEXT as _TEXT
from prepcheck.engine.schema_parts import object_schema as _object
from prepcheck.engine.texts import VARIANT_FIELDS

_ID_LIST = {"type": "array", "items": _ID, "uniqueItems": True}
SOURCE_ID_PATTERN = "^[A-Za-z][A-Za-z0-9_-]{0,62}$"
_SOURCE_ID = {"type": "string", "pattern": SOURCE_ID_PATTERN, "description": "The id of an entry in the source list."}
_SOURCE_LIST = {"type": "array", "items": _SOURCE_ID, "uniqueItems": True}


def _variants(kind: str) -> dict[str, Any]:
    """The `variants` list of a question, page or action: texts chosen by a rule, the first that holds wins."""
    properties: dict[str, Any] = {"id": _ID, "if": _RULE, **{field: _TEXT for field in VARIANT_FIELDS[kind]}}
    if kind == "action":
        properties["sources"] = {**_SOURCE_LIST, "minItems": 1}
    return {
        "type": "array",
        "minItems": 1,
        "items": _object(properties, ["id", "if"], "Replaces the texts it gives when its rule holds."),
        "description": "Texts that vary by the answers: the first variant whose rule holds replaces the texts it gives.",
    }


QUESTION = _object(
    {
        "id": _ID,
        "type": {"enum": [t.value for t in QuestionType]},
        "text": _TEXT,
        "hint": _TEXT,
        "domain": _ID,
        "weight": {"type": "number", "exclusiveMinimum": 0, "maximum": 10},
        "optional": {"type": "boolean"},
        "not_applicable": {"type": "boolean", "description": 'Offer a "not applicable" answer.'},
        "show_if": _RULE,
        "critical_if": _RULE,
        "gate": {**_ID, "description": "The domain cannot reach this level unless this question earns full points."},
        "overall_gate": {
            **_ID,
            "description": "The overall level cannot reach this level unless this question earns full points.",
        },
        "sources": _SOURCE_LIST,
        "note": {"type": "string", "description": "For editors only: why the question scores as it does."},
        "variants": _variants("question"),
        # The keys of particular answer types, each declared by its type (prepcheck/engine/answer_types/).
        **TYPE_KEYS,
    },
    ["id", "type", "text"],
)

PAGE = _object(
    {
        "id": _ID,
        "title": _TEXT,
        "intro": _TEXT,
        "show_if": _RULE,
        "variants": _variants("page"),
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
        "variants": _variants("action"),
    },
    ["id", "title", "text", "why", "if", "impact", "effort", "timeframe", "sources"],
)

PLAN_CARD = _object(
    {
        "title": _TEXT,
        "intro": _TEXT,
        "variants": _variants("plan_card"),
        "rows": {
            "type": "array",
            "minItems": 1,
            "items": _object(
                {"id": _ID, "text": _TEXT, "show_if": _RULE},
                ["id", "text"],
                "A line to fill in; shown only when its show_if rule holds for the answers.",
            ),
        },
    },
    ["title", "intro", "rows"],
    "The fill-in emergency plan printed with the action plan.",
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
            "plan_card": PLAN_CARD,
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

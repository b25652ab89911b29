"""The building blocks of the questionnaire JSON Schema, shared by schema.py and the answer types."""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

ID_PATTERN = "^[a-z][a-z0-9_]{0,62}$"

ID: Schema = {"type": "string", "pattern": ID_PATTERN, "description": "A stable id: lower case letters, digits and _."}
TEXT: Schema = {"type": "string", "minLength": 1, "maxLength": 2000}
RULE: Schema = {"type": "string", "minLength": 1, "maxLength": 2000, "description": "A rule in the rule language."}
POINTS: Schema = {"type": "number", "minimum": 0, "maximum": 100}


def object_schema(properties: Schema, required: list[str], description: str = "") -> Schema:
    """A closed object: only the listed properties, these ones required."""
    schema: Schema = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema

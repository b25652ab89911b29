"""The JSON Schema of tenant.yaml: the structural layer of tenant validation, also given to editors."""

from __future__ import annotations

from typing import Any

from prepcheck.config import SUPPORTED_LOCALES
from prepcheck.tenants.theme import COLOUR_TOKENS

MAX_NAME = 120
MAX_TEXT = 500
MAX_URL = 500
SHA256_PATTERN = "^[0-9a-f]{64}$"
PHONE_PATTERN = "^[0-9+][0-9 ()-]{1,19}$"
QUESTIONNAIRE_ID_PATTERN = "^[a-z][a-z0-9_]{0,62}$"

_NAME = {"type": "string", "minLength": 1, "maxLength": MAX_NAME}
_TEXT = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT}
_URL = {"type": "string", "minLength": 1, "maxLength": MAX_URL, "description": "An https:// address."}
_PHONE = {"type": "string", "pattern": PHONE_PATTERN, "description": 'A phone number in quotes, e.g. "112".'}
_COLOUR = {"type": "string", "maxLength": 7, "description": "A colour as #rgb or #rrggbb, in quotes."}


def _object(properties: dict[str, Any], required: list[str], description: str = "") -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "description": description,
    }


THEME = _object(
    {
        "colours": _object({key: _COLOUR for key in COLOUR_TOKENS}, [], "Colour tokens; any left out keep prepcheck's own."),
        "font_stack": {"type": "string", "minLength": 1, "maxLength": 300, "description": "A CSS font-family list."},
        "radius": {"type": "string", "maxLength": 20, "description": "Corner radius, e.g. 4px or 0.25rem."},
    },
    [],
    "Token values for the CSS custom properties.",
)

LOCAL = _object(
    {
        "safety_region": _NAME,
        "broadcaster": _object({"name": _NAME, "frequency": {**_NAME, "maxLength": 60}}, ["name"], "Disaster broadcaster."),
        "emergency_number": _PHONE,
        "non_emergency_number": _PHONE,
        "support_points": {
            "type": "array",
            "maxItems": 50,
            "items": _object({"name": _NAME, "address": _TEXT, "description": _TEXT}, ["name"], "Emergency support point."),
        },
        "risks": {
            "type": "array",
            "maxItems": 30,
            "items": _object({"title": _NAME, "url": _URL}, ["title"], "A local risk."),
        },
        "contact_url": _URL,
    },
    ["emergency_number"],
    "Local information shown on the result page and in the PDF.",
)

TENANT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "prepcheck tenant",
    **_object(
        {
            "name": _NAME,
            "logo": {"type": "string", "minLength": 1, "maxLength": 200, "description": "A file in the tenant folder."},
            "theme": THEME,
            "allowed_origins": {"type": "array", "maxItems": 20, "items": {"type": "string", "maxLength": 300}},
            "default_language": {"enum": list(SUPPORTED_LOCALES)},
            "questionnaires": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"type": "string", "pattern": QUESTIONNAIRE_ID_PATTERN},
            },
            "local": LOCAL,
            "privacy_contact": {**_URL, "description": "An e-mail address or an https:// page."},
            "admin_token_sha256": {"type": "string", "pattern": SHA256_PATTERN},
        },
        ["name", "default_language", "questionnaires", "local", "privacy_contact"],
        "A municipality or safety region offering the check (the slug is the folder name).",
    ),
}

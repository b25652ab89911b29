"""Reading API requests: the JSON body, its fields, the questionnaire and the language, or a problem."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from flask import request

from prepcheck.api.problems import ApiProblem, ErrorEntry, escape_pointer
from prepcheck.config import DEFAULT_LOCALE, SUPPORTED_LOCALES
from prepcheck.engine import Context, Questionnaire
from prepcheck.engine.utf8 import is_utf8_text
from prepcheck.services import services

_FIELD_TYPES: Mapping[str, tuple[type, str]] = {
    "questionnaire": (str, "text"),
    "answers": (dict, "an object"),
    "lang": (str, "text"),
    "context": (dict, "an object"),
    "code": (str, "text"),
    "previous_code": (str, "text"),
}


def json_body() -> dict[str, Any]:
    """The request body as a JSON object; 415, 413 or 400 as problem+json otherwise."""
    if not request.is_json:
        raise ApiProblem("unsupported-media-type", 415, "Send the body as application/json.")
    raw = request.get_data(cache=True)  # raises 413 beyond MAX_CONTENT_LENGTH
    try:
        body = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ApiProblem("invalid-json", 400, "The body is not UTF-8 text.") from error
    except (ValueError, RecursionError) as error:
        raise ApiProblem("invalid-json", 400, f"The body is not valid JSON: {str(error)[:120]}") from error
    if not is_utf8_text(body):
        raise ApiProblem(
            "invalid-json",
            400,
            "The body holds a lone surrogate (an escape from \\ud800 to \\udfff without its pair), which is not text. "
            "Send each character as itself or as a complete surrogate pair.",
        )
    if not isinstance(body, dict):
        entry = ErrorEntry("not_an_object", "the body must be a JSON object", pointer="")
        raise ApiProblem("invalid-request", 422, "The body must be a JSON object.", [entry])
    return body


def read_fields(body: Mapping[str, Any], required: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, Any]:
    """The named fields, type-checked; every missing, mistyped or unknown field is reported at once."""
    errors: list[ErrorEntry] = []
    for name in required:
        if name not in body:
            errors.append(ErrorEntry("missing", f"the field '{name}' is required", pointer=f"/{name}"))
    for name, value in body.items():
        if name not in required and name not in optional:
            errors.append(
                ErrorEntry("unknown_field", f"there is no field '{str(name)[:60]}'", pointer="/" + escape_pointer(str(name)[:60]))
            )
            continue
        expected, described = _FIELD_TYPES[name]
        if not isinstance(value, expected):
            errors.append(ErrorEntry("wrong_type", f"the field '{name}' must be {described}", pointer=f"/{name}"))
    if errors:
        raise ApiProblem("invalid-request", 422, "The request body does not have the expected fields.", errors)
    return {name: body[name] for name in (*required, *optional) if name in body}


def questionnaire_named(questionnaire_id: str, status: int, pointer: str | None = "/questionnaire") -> Questionnaire:
    """The app's questionnaire with this id, or an unknown-questionnaire problem."""
    registry = services().questionnaires
    questionnaire = registry.get(questionnaire_id)
    if questionnaire is None:
        known = ", ".join(sorted(registry))
        entry = ErrorEntry("unknown_questionnaire", f"there is no questionnaire '{questionnaire_id[:60]}'", pointer=pointer)
        raise ApiProblem(
            "unknown-questionnaire", status, f"There is no questionnaire '{questionnaire_id[:60]}'. Known: {known}.", [entry]
        )
    return questionnaire


def language(requested: str | None, status: int, pointer: str | None = "/lang") -> str:
    """The requested language, else the best of Accept-Language, else Dutch; an unknown one is a problem."""
    if requested is None:
        return request.accept_languages.best_match(SUPPORTED_LOCALES) or DEFAULT_LOCALE
    if requested not in SUPPORTED_LOCALES:
        entry = ErrorEntry(
            "unknown_language", f"'{requested[:20]}' is not one of {', '.join(SUPPORTED_LOCALES)}", pointer=pointer
        )
        raise ApiProblem("unknown-language", status, f"Choose one of the languages {', '.join(SUPPORTED_LOCALES)}.", [entry])
    return requested


def context_for(questionnaire: Questionnaire, locale: str, given: Mapping[str, Any] | None) -> Context:
    """The assessment context: declared context values of the right type only, so rules never see odd values."""
    errors: list[ErrorEntry] = []
    variables: dict[str, Any] = {}
    declared = {variable.id: variable for variable in questionnaire.context}
    for name, value in (given or {}).items():
        variable = declared.get(name)
        pointer = "/context/" + escape_pointer(str(name)[:60])
        if variable is None:
            errors.append(
                ErrorEntry("unknown_context", f"the questionnaire has no context value '{str(name)[:60]}'", pointer=pointer)
            )
        elif variable.options and value not in variable.options:
            errors.append(ErrorEntry("unknown_option", f"'{name}' must be one of {', '.join(variable.options)}", pointer=pointer))
        elif not variable.options and not _plain_number(value):
            errors.append(ErrorEntry("not_a_number", f"'{name}' must be a number below a billion", pointer=pointer))
        else:
            variables[name] = value
    if errors:
        raise ApiProblem("invalid-request", 422, "The context does not fit the questionnaire.", errors)
    return Context(locale=locale, variables=variables)


def _plain_number(value: Any) -> bool:
    """A finite number of sane size (JSON allows NaN, Infinity and huge integers, rules should never see them)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and abs(value) < 1e9

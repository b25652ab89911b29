"""Checks a test-client response against the OpenAPI description: documented status, media type and schema."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator
from werkzeug.test import TestResponse


def response_spec(openapi: dict[str, Any], path: str, method: str, status: int) -> dict[str, Any]:
    """The documented response for this operation and status (a missing one fails the test)."""
    operation = openapi["paths"][path][method.lower()]
    responses = operation["responses"]
    spec = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default")
    assert spec is not None, f"{method} {path} does not document status {status}"
    return spec


def assert_conforms(openapi: dict[str, Any], path: str, method: str, response: TestResponse) -> Any:
    """Validate the response against the description; returns the parsed JSON body (or None for other media)."""
    spec = response_spec(openapi, path, method, response.status_code)
    media_type = response.mimetype
    assert media_type in spec["content"], f"{method} {path} {response.status_code}: {media_type} is not documented"
    schema = spec["content"][media_type]["schema"]
    if not media_type.endswith("json"):
        return None
    body = response.get_json(force=True)
    root = {**schema, "components": openapi["components"]}
    errors = sorted(Draft202012Validator(root).iter_errors(body), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors[:10])
    return body


def assert_problem(openapi: dict[str, Any], response: TestResponse) -> dict[str, Any]:
    """Validate a problem response (also for addresses and methods the description has no operation for)."""
    assert response.mimetype == "application/problem+json", response.data[:200]
    body = response.get_json(force=True)
    root = {"$ref": "#/components/schemas/Problem", "components": openapi["components"]}
    errors = list(Draft202012Validator(root).iter_errors(body))
    assert not errors, "\n".join(error.message for error in errors[:10])
    assert body["status"] == response.status_code
    return body

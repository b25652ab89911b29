"""RFC 9457 problem details: one exception for the API's own refusals, and JSON for every HTTP error."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import Response, current_app, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from prepcheck.engine.answers import Problem
from prepcheck.logs import log_unhandled

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "/api/problems/"

PROBLEM_TITLES: Mapping[str, str] = {
    "invalid-json": "The request body is not valid JSON",
    "unsupported-media-type": "The request body must be JSON",
    "invalid-request": "The request does not have the expected fields",
    "unknown-questionnaire": "There is no such questionnaire",
    "unknown-language": "This language is not offered",
    "invalid-answers": "The answers do not fit the questionnaire",
    "invalid-recheck-code": "The re-check code cannot be used",
    "body-too-large": "The request body is too large",
    "too-many-requests": "Too many requests",
    "plan-unavailable": "The action plan could not be made just now",
    "not-found": "There is nothing at this address",
    "method-not-allowed": "This method is not allowed here",
    "http-error": "The request could not be handled",
    "server-error": "Something went wrong on our side",
}
"""Every problem type the API sends, with its fixed title (the detail says what happened this time)."""

_TYPE_BY_STATUS = {
    404: "not-found",
    405: "method-not-allowed",
    413: "body-too-large",
    415: "unsupported-media-type",
    429: "too-many-requests",
}


@dataclass(frozen=True, slots=True)
class ErrorEntry:
    """One thing wrong with a request: the question (or field) it concerns, a code and a message."""

    code: str
    message: str
    question: str | None = None
    pointer: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "pointer": self.pointer,
            "code": self.code,
            "message": self.message,
            "params": dict(self.params),
        }


def entry_for(problem: Problem, prefix: str = "/answers") -> ErrorEntry:
    """An engine Problem as an error entry, pointing into the request body."""
    pointer = f"{prefix}/{escape_pointer(problem.question_id)}" if problem.question_id else prefix
    params = {key: value for key, value in problem.params.items() if isinstance(value, (str, int, float, bool)) or value is None}
    return ErrorEntry(code=problem.code, message=problem.message, question=problem.question_id, pointer=pointer, params=params)


def escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class ApiProblem(Exception):
    """A refusal the API explains as problem+json."""

    def __init__(self, kind: str, status: int, detail: str, errors: Iterable[ErrorEntry] = ()) -> None:
        super().__init__(detail)
        if kind not in PROBLEM_TITLES:
            raise ValueError(f"unknown problem type {kind!r}")
        self.kind = kind
        self.status = status
        self.detail = detail
        self.errors = tuple(errors)


def problem_response(problem: ApiProblem, headers: Mapping[str, str] | None = None) -> Response:
    """The problem as an application/problem+json response."""
    body = {
        "type": PROBLEM_TYPE_BASE + problem.kind,
        "title": PROBLEM_TITLES[problem.kind],
        "status": problem.status,
        "detail": problem.detail,
        "instance": request.path[:300],
        "errors": [entry.as_json() for entry in problem.errors],
    }
    response = Response(json.dumps(body, ensure_ascii=False), status=problem.status, mimetype=PROBLEM_MEDIA_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def from_http_error(error: HTTPException) -> Response:
    """Any werkzeug HTTP error as problem+json, keeping its status and its Allow header."""
    status = error.code or 500
    kind = _TYPE_BY_STATUS.get(status, "server-error" if status >= 500 else "http-error")
    detail = {
        "not-found": "No API operation has this address; see /api/openapi.json.",
        "method-not-allowed": f"{request.method} cannot be used on {request.path[:200]}.",
        "body-too-large": "The request body is larger than this server accepts.",
        "unsupported-media-type": "Send the body as application/json.",
        "too-many-requests": "Too many requests from this address in a short time; wait and try again (see Retry-After).",
    }.get(kind, error.description or PROBLEM_TITLES[kind])
    headers: dict[str, str] = {}
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return problem_response(ApiProblem(kind, status, detail), headers)


def handle_api_problem(error: ApiProblem) -> Response:
    return problem_response(error)


def handle_unexpected(error: Exception) -> Response:
    """An unexpected error: a plain problem, never a traceback."""
    if isinstance(error, HTTPException):
        return from_http_error(error)
    log_unhandled(current_app.logger, error)
    return problem_response(ApiProblem("server-error", 500, "The request could not be completed. Try again later."))

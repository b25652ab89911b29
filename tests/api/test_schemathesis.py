"""Schemathesis against the Flask app: generated requests for every operation find no server errors or schema breaks."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from prepcheck import create_app
from prepcheck.api import register_api

MAX_EXAMPLES = 30
CALLS: Counter[str] = Counter()
STATUSES: Counter[str] = Counter()
"""Requests made per operation, so the last test can show that every operation was exercised."""
_INSTANCE = tempfile.TemporaryDirectory(prefix="prepcheck-api-")  # removed when the test run ends


def _api_app() -> Flask:
    """One app for the whole module: schemathesis needs it when the tests are collected."""
    # A high PDF limit, so the generated requests reach the operation (the rate limit has its own tests).
    application = create_app(instance_path=Path(_INSTANCE.name) / "instance", rate_limit_pdf="100000 per minute")
    application.config["TESTING"] = True
    register_api(application)
    return application


# Loaded at import (not from a fixture): schemathesis' lazy fixture loader does not work with pytest 9.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", _api_app())


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_generated_requests_find_no_server_error_and_no_schema_violation(case: schemathesis.Case) -> None:
    # Every other check runs. "Schema-valid data is accepted" cannot hold: which answers are required depends on
    # show-if rules over the other answers, which JSON Schema cannot express; the description says so (422).
    CALLS[f"{case.method.upper()} {case.path}"] += 1
    response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
    STATUSES[f"{case.method.upper()} {case.path} {response.status_code}"] += 1


def test_schemathesis_exercised_every_operation() -> None:
    operations = {f"{method.upper()} {path}" for path, item in schema.raw_schema["paths"].items() for method in item}
    # Schemathesis leaves out the address it loaded the description from; test_contract covers that one.
    operations.discard("GET /api/openapi.json")
    assert operations <= set(CALLS), sorted(operations - set(CALLS))
    assert all(CALLS[operation] >= MAX_EXAMPLES for operation in operations)
    print("schemathesis responses:", {key: n for key, n in sorted(STATUSES.items()) if key.startswith(("GET", "POST"))})

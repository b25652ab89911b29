"""API test fixtures: the app with the API blueprint registered, its client, and the OpenAPI document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck import create_app
from prepcheck.api import register_api
from prepcheck.api.openapi import openapi_document
from prepcheck.services import services_of
from tests.api.api_helpers import fixture_answers
from tests.support.paths import TEST_QUESTIONNAIRES


@pytest.fixture(scope="session")
def api_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One app for the API tests (creating one per test costs half a second), with the API attached."""
    application = create_app(instance_path=tmp_path_factory.mktemp("api") / "instance", rate_limit_pdf="100000 per minute")
    application.config["TESTING"] = True
    register_api(application)  # idempotent, so this stays right once create_app registers the API itself
    return application


@pytest.fixture()
def app(api_app: Flask) -> Iterator[Flask]:
    """The API app; what a test sets in app.extensions (CORS origins, a plan service) is undone after it."""
    saved = dict(api_app.extensions)
    yield api_app
    api_app.extensions.clear()
    api_app.extensions.update(saved)


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client(use_cookies=False)


@pytest.fixture()
def openapi(app: Flask) -> dict[str, Any]:
    """The description as this app serves it (it names the app's questionnaires)."""
    return openapi_document(services_of(app).questionnaires)


@pytest.fixture()
def household_answers() -> dict[str, Any]:
    return fixture_answers("household_family")


@pytest.fixture()
def business_answers() -> dict[str, Any]:
    return fixture_answers("business_photonics")


@pytest.fixture()
def small_app(tmp_path: Path) -> Flask:
    """The API on the small test questionnaires (a date question, text variants, ...), in an instance of its own."""
    application = create_app(instance_path=tmp_path / "instance", questionnaire_dir=TEST_QUESTIONNAIRES)
    application.config["TESTING"] = True
    return application


@pytest.fixture()
def small_client(small_app: Flask) -> FlaskClient:
    return small_app.test_client(use_cookies=False)


@pytest.fixture()
def small_openapi(small_app: Flask) -> dict[str, Any]:
    return openapi_document(services_of(small_app).questionnaires)

"""Web test fixtures: the app on the test questionnaires, and a cookie-less client that checks every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from page_conventions import CheckedClient
from tests_web_paths import TEST_QUESTIONNAIRES

from prepcheck import create_app


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    """The app with only the test questionnaires, a fresh instance folder and database."""
    application = create_app(instance_path=tmp_path / "instance", questionnaire_dir=TEST_QUESTIONNAIRES)
    application.config["TESTING"] = True
    application.test_client_class = CheckedClient
    yield application


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    """No cookies at all: the journey must work without them."""
    return app.test_client(use_cookies=False)

"""Web test fixtures: the app on the test questionnaires, and a cookie-less client that checks every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.support.web_apps import checked_app


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    """The app with only the test questionnaires, a fresh instance folder and database."""
    yield checked_app(tmp_path / "instance")


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    """No cookies at all: the journey must work without them."""
    return app.test_client(use_cookies=False)

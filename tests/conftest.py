"""Shared fixtures: an app with its own instance folder, and a test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck import create_app


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    """The app on its embedded defaults, with a fresh instance folder per test."""
    application = create_app(instance_path=tmp_path / "instance")
    application.config["TESTING"] = True
    yield application


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()

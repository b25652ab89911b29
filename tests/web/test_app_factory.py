"""The application factory: it starts on its defaults, keeps a generated secret, and is strict in production."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from prepcheck import create_app


def test_landing_page_answers_and_offers_the_checks(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert b"<h1>" in response.data


def test_health_check_answers_ok(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert (response.status_code, response.data) == (200, b"ok\n")


def test_a_generated_secret_is_kept_in_the_instance_folder_and_reused(tmp_path: Path) -> None:
    first = create_app(instance_path=tmp_path)
    second = create_app(instance_path=tmp_path)
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert len(first.config["SECRET_KEY"]) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_production_refuses_to_start_without_a_secret(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="PREPCHECK_SECRET_KEY"):
        create_app(instance_path=tmp_path, environment="production")


def test_production_starts_with_a_configured_secret(tmp_path: Path) -> None:
    key = secrets.token_urlsafe(48)
    app = create_app(instance_path=tmp_path, environment="production", secret_key=key, public_url="https://zelftest.example.nl")
    assert app.config["SECRET_KEY"] == key
    assert not (tmp_path / "secret_key").exists()

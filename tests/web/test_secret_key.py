"""In production the secret key must be long and random: a short or patterned one stops the start with one line."""

from __future__ import annotations

import base64
import os
import secrets
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from prepcheck import create_app
from prepcheck.cli import main
from prepcheck.config import secret_key_problem

HOW_TO_MAKE_ONE = 'python -c "import secrets; print(secrets.token_urlsafe(48))"'
WEAK = "a"


@pytest.mark.parametrize(
    "key",
    [
        "a",
        "s" * 48,
        "password" * 4,
        "0123456789abcdef" * 2,
        "change-me-change-me-change-me-change-me",
        "é" * 20,  # 40 bytes of one character
        "abcdefghijklmnopqrstuvwxyz0123456789",
        "prepcheck-production-secret-2026!",
    ],
)
def test_a_short_or_patterned_key_is_refused(key: str) -> None:
    assert secret_key_problem(key) is not None


@pytest.mark.parametrize(
    "make",
    [
        lambda: secrets.token_urlsafe(48),
        lambda: secrets.token_urlsafe(24),
        lambda: secrets.token_hex(32),
        lambda: secrets.token_hex(16),
        lambda: base64.b64encode(os.urandom(32)).decode(),
        lambda: str(uuid.uuid4()) + str(uuid.uuid4()),
    ],
    ids=["token_urlsafe(48)", "token_urlsafe(24)", "token_hex(32)", "openssl rand -hex 16", "base64 of 32 bytes", "two uuids"],
)
def test_keys_made_by_the_usual_generators_are_accepted(make: object) -> None:
    for _ in range(200):
        key = make()  # type: ignore[operator]
        assert secret_key_problem(key) is None, key


def test_production_refuses_a_weak_key_in_one_line_that_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError) as refused:
        create_app(instance_path=tmp_path, environment="production", secret_key=WEAK)
    message = str(refused.value)
    assert "PREPCHECK_SECRET_KEY" in message and HOW_TO_MAKE_ONE in message
    assert "\n" not in message


def test_serve_in_production_with_a_weak_key_stops_with_that_line_and_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def serve(*_: object, **__: object) -> None:
        raise AssertionError("the server started")

    monkeypatch.setattr("waitress.serve", serve)
    environment = {"PREPCHECK_ENV": "production", "PREPCHECK_SECRET_KEY": WEAK, "PREPCHECK_INSTANCE_PATH": str(tmp_path)}
    result = CliRunner().invoke(main, ["serve"], env=environment)
    assert result.exit_code == 1
    assert result.output.startswith("Error: PREPCHECK_SECRET_KEY") and HOW_TO_MAKE_ONE in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_development_keeps_its_generated_key_and_accepts_any_configured_one(tmp_path: Path) -> None:
    assert create_app(instance_path=tmp_path / "generated").config["SECRET_KEY"]
    assert create_app(instance_path=tmp_path / "configured", secret_key=WEAK).config["SECRET_KEY"] == WEAK

"""The app the web tests drive: the test questionnaires, a fresh instance folder, every page checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from prepcheck import create_app
from tests.support.page_conventions import CheckedClient
from tests.support.paths import TEST_QUESTIONNAIRES


def checked_app(instance_path: Path, **overrides: Any) -> Flask:
    """An app on the test questionnaires whose test client checks every page; `overrides` replace settings."""
    application = create_app(instance_path=instance_path, **{"questionnaire_dir": TEST_QUESTIONNAIRES, **overrides})
    application.config["TESTING"] = True
    application.test_client_class = CheckedClient
    return application

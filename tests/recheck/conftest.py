"""Re-check fixtures: the web app on the test questionnaires, a cookie-less checked client, and a log of every URL."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck import create_app
from tests.support.page_conventions import CheckedClient
from tests.support.paths import TEST_QUESTIONNAIRES
from tests.support.web_apps import render_plans_in_process


class UrlLog:
    """WSGI middleware (outermost): keeps the path and query string of every request, as a server log would."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self.lines: list[str] = []

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        query = environ.get("QUERY_STRING", "")
        self.lines.append(environ.get("PATH_INFO", "") + (f"?{query}" if query else ""))
        return self.app(environ, start_response)


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    application = create_app(instance_path=tmp_path / "instance", questionnaire_dir=TEST_QUESTIONNAIRES)
    application.config["TESTING"] = True
    application.test_client_class = CheckedClient
    # PDFs in this process: no worker pool to start for a test.
    render_plans_in_process(application)
    log = UrlLog(application.wsgi_app)
    application.wsgi_app = log  # type: ignore[method-assign]
    application.extensions["test.url_log"] = log
    yield application


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    """No cookies: the re-check must work without them, like the rest of the journey."""
    return app.test_client(use_cookies=False)


@pytest.fixture()
def url_log(app: Flask) -> UrlLog:
    return app.extensions["test.url_log"]  # type: ignore[no-any-return]

"""Browser fixtures: the app served on a free localhost port, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from prepcheck import create_app
from prepcheck.resources import bundled_dir
from tests.support.browser_journey import CHROMIUM_ARGS, _chromium

ROOT = Path(__file__).resolve().parents[2]
TEST_QUESTIONNAIRES = ROOT / "questionnaires" / "test"


class LiveServer:
    """A prepcheck app served by werkzeug in a background thread."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The app with the test questionnaires."""
    app = create_app(instance_path=tmp_path_factory.mktemp("live"), questionnaire_dir=TEST_QUESTIONNAIRES)
    server = LiveServer(app)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def bundled_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The app with the questionnaires users get (household, business)."""
    app = create_app(instance_path=tmp_path_factory.mktemp("bundled"), questionnaire_dir=bundled_dir("questionnaires"))
    server = LiveServer(app)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    """A fresh page; JavaScript stays on only so axe can run (the app itself sends none)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()

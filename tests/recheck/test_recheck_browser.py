"""In a real browser (Debian's chromium): opening the re-check link posts the code from '#' and starts the check.

This is the one place JavaScript runs in prepcheck; the CSP must allow it by its nonce (no bypass here), and the
code must reach the server only in the POST body. Skips without chromium, fails under CI=true like tests/browser.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from tests.recheck.recheck_steps import ALL_FEATURES_PAGES
from tests.support.browser_journey import CHROMIUM_ARGS, _chromium, fill_and_continue


@pytest.fixture()
def server(app: Flask) -> Iterator[str]:
    served = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{served.server_port}"
    served.shutdown()
    thread.join(timeout=5)


def in_browser(steps: Callable[[Any], None], javascript: bool = True) -> None:
    """Run `steps(page)` in chromium, in a thread of its own: tests/browser keeps a session-wide Playwright open in
    this thread, and the sync API allows one per thread."""
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    failures: list[BaseException] = []

    def run() -> None:
        try:
            with sync_api.sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
                try:
                    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
                    tab = context.new_page()
                    tab.set_default_timeout(10_000)
                    steps(tab)
                finally:
                    browser.close()
        except BaseException as error:  # handed to the test's thread
            failures.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive(), "the browser steps did not finish"
    if failures:
        raise failures[0]


def _screenshot(page: Any, name: str) -> None:
    folder = os.environ.get("PREPCHECK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _complete(page: Any, base_url: str, changes: dict[str, dict[str, Any]] | None = None) -> None:
    for page_id, answers in {**ALL_FEATURES_PAGES, **(changes or {})}.items():
        assert page.url.split("?")[0].endswith(f"/{page_id}"), page.url
        fill_and_continue(page, answers)


def test_the_link_from_the_result_brings_last_times_answers_back_through_a_post(server: str, url_log: Any) -> None:
    in_browser(lambda page: _come_back_with_the_link(page, server, url_log))


def _come_back_with_the_link(page: Any, server: str, url_log: Any) -> None:
    errors: list[str] = []
    # A script the CSP refuses shows up as a console error ("Refused to execute inline script …").
    page.on("console", lambda message: errors.append(message.text) if "Refused" in message.text else None)
    page.goto(server + "/")
    page.click("form[action='/all_features/start'] button")
    _complete(page, server)
    page.goto(page.url.replace("check-your-answers", "your-result"))
    link = page.input_value("#recheck-link")
    code = link.split("#")[1]
    own_link = server + link.removeprefix("http://127.0.0.1:" + server.rsplit(":", 1)[1])
    assert own_link.startswith(server + "/en/all_features/recheck#")

    with page.expect_navigation(url="**/check-your-answers"):
        page.goto(own_link, wait_until="commit")
    assert "#" not in page.url
    assert "Cat flap is broken" in page.inner_text("main")
    assert errors == [], errors
    assert [line for line in url_log.lines if code[:40] in line] == []

    page.goto(page.url.replace("check-your-answers", "water_page") + "?change=1")
    page.fill("[name='water_litres']", "30")
    page.check("input[name='refresh'][value='yes']")
    page.click("main form button[type=submit]")
    page.goto(page.url.replace("check-your-answers", "your-result"))
    assert page.locator(".since-last-time table").is_visible()
    assert "Better (+100)" in page.inner_text(".since-last-time")
    _screenshot(page, "recheck-result-with-changes")
    from tests.support.axe import axe_violations

    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 740})  # 400 % zoom of a 1280 px window
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    _screenshot(page, "recheck-result-with-changes-320")
    page.goto(server + "/all_features/recheck")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_without_javascript_the_form_is_there_to_paste_into(server: str) -> None:
    in_browser(lambda page: _paste_without_javascript(page, server), javascript=False)


def _paste_without_javascript(tab: Any, server: str) -> None:
    tab.goto(server + "/all_features/recheck#not-sent-anywhere")
    assert tab.url.endswith("/all_features/recheck#not-sent-anywhere")
    _screenshot(tab, "recheck-form")
    tab.fill("#code", "this is not a code!")
    tab.click("main form button[type=submit]")
    assert "This is not a re-check code" in tab.inner_text(".error-summary")
    _screenshot(tab, "recheck-form-error")

"""In Chromium, on a phone-sized screen: the download button leads through "being prepared" to the PDF itself."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.queue.queue_browsing import household_check
from tests.queue.queue_processes import Process, Site, start_worker
from tests.support.browser_journey import CHROMIUM_ARGS, _chromium, screenshot

# Not marked `database`: it uses PostgreSQL itself, so the PostgreSQL pass would only repeat it.
pytestmark = pytest.mark.slow


def _in_own_thread(action: Callable[[], None]) -> None:
    """Run `action` in a thread of its own: the browser tests keep Playwright's event loop running in this one."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as error:  # handed to the test's own thread below
            failures.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


def test_the_download_button_waits_for_the_worker_then_saves_the_pdf_and_says_it_is_ready(
    site: tuple[Site, dict[str, str], list[Process]], tmp_path: Path
) -> None:
    browser_site, environment, _ = site
    journey = household_check(browser_site)
    _in_own_thread(lambda: _download_in_chromium(browser_site.bases[0], journey, environment, tmp_path))


def _download_in_chromium(base: str, journey: str, environment: dict[str, str], tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        try:
            page = chromium.new_page(viewport={"width": 360, "height": 740}, accept_downloads=True, locale="en")
            page.goto(f"{base}{journey}/your-result")
            page.click("text=Download your action plan (PDF)")
            page.wait_for_url(f"{base}{journey}/action-plan")
            assert page.locator("h1").inner_text() == "Your action plan is being prepared"
            screenshot(page, "plan-being-prepared")

            worker = start_worker(environment, tmp_path / "worker.log")
            try:
                # The page refreshes itself every 2 s; once the plan is made it says so and the download starts.
                with page.expect_download(timeout=60_000) as download_info:
                    page.wait_for_selector("h1:text('Your action plan is ready')", timeout=60_000)
                download = download_info.value
            finally:
                worker.stop()
            saved = tmp_path / download.suggested_filename
            download.save_as(saved)
            screenshot(page, "plan-ready")
            assert saved.read_bytes().startswith(b"%PDF-")
            assert download.suggested_filename == "prepcheck-household.pdf"
            assert page.locator("a.button", has_text="Download your action plan (PDF)").get_attribute("href") == (
                f"{journey}/action-plan.pdf"
            )
        finally:
            chromium.close()

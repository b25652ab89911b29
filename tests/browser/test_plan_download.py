"""In Chromium on a 320 px screen, default mode: a slow plan's download leads through "being prepared" to the PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prepcheck import create_app
from tests.browser.conftest import LiveServer
from tests.support.browser_journey import screenshot
from tests.support.gated_plans import gated_plans
from tests.support.worst_case import stored_worst_case


def test_the_download_button_shows_being_prepared_then_saves_the_pdf(browser: Any, tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path / "instance")  # the questionnaires users get, plans made in this process
    pool = gated_plans(app)  # the plan takes as long as the test wants
    journey = stored_worst_case(app)
    server = LiveServer(app)
    context = browser.new_context(viewport={"width": 320, "height": 640}, accept_downloads=True, locale="en")
    try:
        page = context.new_page()
        page.goto(f"{server.url}{journey}/your-result")
        page.click("text=Download your action plan (PDF)")
        page.wait_for_url(f"{server.url}{journey}/action-plan")
        assert page.locator("h1").inner_text() == "Your action plan is being prepared"
        assert page.evaluate("document.documentElement.scrollWidth") <= 320  # nothing wider than the screen
        screenshot(page, "plan-being-prepared-in-process")

        pool.gate.set()
        # The page refreshes itself every 2 s; once the plan is made it says so and the download starts.
        with page.expect_download(timeout=60_000) as download_info:
            page.wait_for_selector("h1:text('Your action plan is ready')", timeout=60_000)
        download = download_info.value
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        assert saved.read_bytes().startswith(b"%PDF-")
        assert download.suggested_filename == "prepcheck-household.pdf"
        assert pool.renders == 1
    finally:
        context.close()
        server.stop()

"""Printed from the browser, the result page is the plan: every step with why it matters, no resume code, no buttons."""

from __future__ import annotations

from typing import Any

from tests.support.result_pages import FAMILY_IN_UTRECHT, result_url


def test_the_printed_result_shows_why_each_step_matters_and_never_the_resume_code(page: Any, bundled_server: Any) -> None:
    client = bundled_server.app.test_client(use_cookies=False)
    page.goto(bundled_server.url + result_url(client, bundled_server.app, "household", FAMILY_IN_UTRECHT))
    assert page.locator(".resume-code").is_visible()
    assert not page.locator(".plan-why p").first.is_visible()  # on screen, behind "Why this step matters"
    page.emulate_media(media="print")
    assert not page.locator(".resume-code").is_visible()
    assert not page.locator("text=Download your action plan (PDF)").is_visible()
    whys = page.locator(".plan-why p")
    assert whys.count() >= 5 and all(whys.nth(index).is_visible() for index in range(whys.count()))
    assert not page.locator(".plan-why summary").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")

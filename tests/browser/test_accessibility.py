"""axe-core finds no WCAG 2.1 A/AA violations on any page type, in Debian's chromium."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from prepcheck.services import services_of
from tests.support.axe import axe_violations
from tests.support.browser_journey import fill_and_continue, screenshot, start
from tests.support.result_pages import ENGINEERING_FIRM, FAMILY_IN_UTRECHT, result_url

TYPES = "web_answer_types"
TO_END = [{"torch": "none"}, {"food": ["tins"]}, {"cash": "no"}, {"litres": "3"}, {"note": "Check the torch"}]


def _follow(page: Any, selector: str) -> None:
    """Click and wait for the next page, so that nothing checks the page being left (a race on a loaded machine)."""
    with page.expect_navigation():
        page.click(selector)


def _landing(page: Any, base: str, server: Any) -> None:
    page.goto(base + "/")


def _answer_type_page(index: int) -> Callable[[Any, str, Any], None]:
    def go(page: Any, base: str, server: Any) -> None:
        start(page, base, TYPES)
        for answers in TO_END[:index]:
            fill_and_continue(page, answers)

    return go


def _error_state(page: Any, base: str, server: Any) -> None:
    start(page, base, TYPES)
    fill_and_continue(page, {})
    assert page.title().startswith("Error:")


def _number_error(page: Any, base: str, server: Any) -> None:
    _answer_type_page(3)(page, base, server)
    fill_and_continue(page, {"litres": "a lot"})


def _date(page: Any, base: str, server: Any) -> None:
    start(page, base, "web_date")


def _date_error(page: Any, base: str, server: Any) -> None:
    start(page, base, "web_date")
    fill_and_continue(page, {"supplies_checked-day": "31", "supplies_checked-month": "2", "supplies_checked-year": "2024"})
    assert page.title().startswith("Error:")


def _several_questions(page: Any, base: str, server: Any) -> None:
    start(page, base, "all_features")


def _check_answers(page: Any, base: str, server: Any) -> None:
    _answer_type_page(5)(page, base, server)
    assert page.url.endswith("/check-your-answers")


def _result(page: Any, base: str, server: Any) -> None:
    _check_answers(page, base, server)
    _follow(page, "text=See your result")
    assert page.url.endswith("/your-result")


def _all_features_result(page: Any, base: str, server: Any) -> None:
    start(page, base, "all_features")
    for answers in (
        {"adults": "2", "pets": "1"},
        {"water_litres": "4", "refresh": "no"},
        {"radio": "none", "channels": ["paper_list"]},
        {"pet_plan": "no"},
    ):
        fill_and_continue(page, answers)
    _follow(page, "text=See your result")


def _resume(page: Any, base: str, server: Any) -> None:
    page.goto(base + "/resume")


def _resume_error(page: Any, base: str, server: Any) -> None:
    page.goto(base + "/resume")
    page.fill("#code", "nonsense")
    _follow(page, "form button[type=submit]")


def _expired(page: Any, base: str, server: Any) -> None:
    start(page, base, TYPES)
    store = services_of(server.app).responses
    real_clock = store.clock
    store.clock = lambda: real_clock() + timedelta(days=400)
    try:
        page.goto(page.url)
    finally:
        store.clock = real_clock
    assert "expired" in page.title()


def _not_found(page: Any, base: str, server: Any) -> None:
    page.goto(base + "/web_answer_types/" + "A" * 32 + "/radio_page")


def _delete(page: Any, base: str, server: Any) -> None:
    start(page, base, TYPES)
    _follow(page, "text=Delete my answers")


def _deleted(page: Any, base: str, server: Any) -> None:
    _delete(page, base, server)
    _follow(page, "form button[type=submit]")


PAGES: dict[str, Callable[[Any, str, Any], None]] = {
    "landing": _landing,
    "single-choice": _answer_type_page(0),
    "multiple-choice": _answer_type_page(1),
    "yes-no": _answer_type_page(2),
    "number": _answer_type_page(3),
    "text": _answer_type_page(4),
    "date": _date,
    "error-date": _date_error,
    "several-questions": _several_questions,
    "error-missing": _error_state,
    "error-number": _number_error,
    "check-your-answers": _check_answers,
    "result": _result,
    "result-full": _all_features_result,
    "resume": _resume,
    "resume-error": _resume_error,
    "expired": _expired,
    "not-found": _not_found,
    "delete": _delete,
    "deleted": _deleted,
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_wcag_violations(name: str, page: Any, live_server: Any) -> None:
    PAGES[name](page, live_server.url, live_server)
    screenshot(page, name)
    assert axe_violations(page) == []


# The result and the re-check result ("what changed since last time") of the questionnaires users get; Dutch has
# the longest words.
BUNDLED_RESULTS: dict[str, tuple[str, dict[str, Any], dict[str, Any] | None, str]] = {
    "household-result": ("household", FAMILY_IN_UTRECHT, None, ""),
    "household-changes": ("household", FAMILY_IN_UTRECHT, {**FAMILY_IN_UTRECHT, "water_litres": 0, "radio": "no_radio"}, ""),
    "business-result": ("business", ENGINEERING_FIRM, None, ""),
    "business-changes-nl": (
        "business",
        ENGINEERING_FIRM,
        {**ENGINEERING_FIRM, "cy_mfa": "not_email", "bc_deputies": "no"},
        "/nl",
    ),
}


def _bundled_result_urls(server: Any) -> dict[str, str]:
    client = server.app.test_client(use_cookies=False)
    return {
        name: server.url + result_url(client, server.app, questionnaire_id, answers, last_time=last_time, prefix=prefix)
        for name, (questionnaire_id, answers, last_time, prefix) in BUNDLED_RESULTS.items()
    }


def _sideways(page: Any) -> int:
    """How far the page scrolls sideways: 0 when everything fits the viewport's width."""
    page.wait_for_load_state("load")  # on a loaded machine the last click's navigation may still be under way
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


@pytest.mark.parametrize("width", [320, 360])
def test_pages_have_no_violations_and_fit_a_narrow_phone(width: int, page: Any, live_server: Any, bundled_server: Any) -> None:
    # 320 CSS pixels is also a 1280 px window at 400 % zoom (WCAG 1.4.10).
    page.set_viewport_size({"width": width, "height": 740})
    _result(page, live_server.url, live_server)
    assert axe_violations(page) == []
    assert _sideways(page) == 0
    for name, url in _bundled_result_urls(bundled_server).items():
        page.goto(url)
        assert _sideways(page) == 0, name
        page.click("details.score-details summary")  # the score table and the reasons count too
        assert page.locator(".score-table").first.is_visible(), name
        assert _sideways(page) == 0, name
        assert axe_violations(page) == [], name
        screenshot(page, f"{name}-{width}")


@pytest.mark.parametrize("name", list(PAGES))
def test_no_page_type_scrolls_sideways_at_320_px(name: str, page: Any, live_server: Any) -> None:
    page.set_viewport_size({"width": 320, "height": 740})
    PAGES[name](page, live_server.url, live_server)
    assert _sideways(page) == 0


def test_nothing_needs_scrolling_sideways_at_200_percent_zoom(browser: Any, live_server: Any, bundled_server: Any) -> None:
    # 200 % zoom of a 1280 px window is a 640 CSS-pixel viewport at device scale factor 2.
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    zoomed = context.new_page()
    try:
        for name in ("single-choice", "check-your-answers", "result"):
            PAGES[name](zoomed, live_server.url, live_server)
            assert _sideways(zoomed) == 0, name
        for name, url in _bundled_result_urls(bundled_server).items():
            zoomed.goto(url)
            zoomed.click("details.score-details summary")
            assert _sideways(zoomed) == 0, name
    finally:
        context.close()


def test_axe_does_find_violations_on_a_broken_page(page: Any) -> None:
    page.set_content("<html><body><img src='x.png'><input type='text'></body></html>")
    found = " ".join(axe_violations(page))
    assert "image-alt" in found and "html-has-lang" in found

"""A whole check can be completed with the keyboard alone (Tab, Space, typing, Enter) and JavaScript off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from prepcheck.engine.model import Question, QuestionType
from prepcheck.resources import bundled_dir
from prepcheck.services import services_of

_FOCUSED = """() => { const e = document.activeElement;
  return {tag: e.tagName, type: e.type || '', name: e.name || '', value: e.value || '',
          text: (e.textContent || '').trim()}; }"""


def _typed_value(question: Question) -> str:
    if question.type is QuestionType.TEXT:
        return "noted"
    return str(max(question.minimum or 0, min(2, question.maximum or 2)))


def _press_through_page(page: Any, questions: dict[str, Question]) -> None:
    """Tab through the page, answer each question at its first control, and press Continue."""
    answered: set[str] = set()
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused["tag"] == "BUTTON" and focused["type"] == "submit":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
        question = questions.get(focused["name"])
        if question is None or question.id in answered:
            continue
        if focused["type"] in ("radio", "checkbox"):
            option = question.option(focused["value"])
            if focused["value"] == "n/a" or (option is not None and option.exclusive):
                continue
            page.keyboard.press("Space")
        else:
            page.keyboard.type(_typed_value(question))
        answered.add(question.id)
    raise AssertionError(f"never reached Continue on {page.url}")


def _complete_by_keyboard(browser: Any, server: Any, questionnaire_id: str) -> Any:
    questionnaire = services_of(server.app).questionnaires[questionnaire_id]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/")
    for _ in range(50):  # Tab to this questionnaire's start button
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.closest('form')?.getAttribute('action')") == f"/{questionnaire_id}/start":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _ in range(200):
        if page.url.endswith("/check-your-answers"):
            break
        page_id = page.url.rsplit("/", 1)[1].split("?")[0]
        _press_through_page(page, {q.id: q for q in questionnaire.pages_by_id[page_id].questions})
    assert page.url.endswith("/check-your-answers")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate(_FOCUSED)["text"] == "See your result":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    return page


def test_the_all_features_check_can_be_completed_by_keyboard_alone(browser: Any, live_server: Any) -> None:
    page = _complete_by_keyboard(browser, live_server, "all_features")
    assert page.locator("h1").inner_text() == "Your result"
    assert page.locator(".plan-item").count() >= 1
    page.context.close()


def test_the_household_check_can_be_completed_by_keyboard_alone(browser: Any, bundled_server: Any) -> None:
    if not (Path(bundled_dir("questionnaires")) / "household.yaml").exists():
        pytest.skip("household.yaml is not written yet")
    page = _complete_by_keyboard(browser, bundled_server, "household")
    assert page.locator("h1").inner_text() == "Your result"
    page.context.close()

"""A plan is in the reader's language throughout: a Dutch PDF holds no English sentence, and the reverse."""

from __future__ import annotations

import pytest

from prepcheck.engine import Assessment, Questionnaire
from prepcheck.report.service import PlanService
from prepcheck.views.model import ResultView
from tests.report.report_helpers import CREATED, pdf_text

# Headings and labels from the report templates, as a reader sees them in English.
TEMPLATE_SENTENCES = [
    "Your action plan",
    "How prepared you are now",
    "Start with these three",
    "What you still need to get",
    "Fill this in with everyone in your home",
    "Important phone numbers",
    "The other steps",
    "Tick each step when it is done",
    "Do the check again",
    "How prepared you are, per topic",
    "This advice comes from",
]


def sentences(view: ResultView) -> list[str]:
    """The longer texts of a presented assessment: action titles, texts and reasons, domain titles."""
    texts = [view.questionnaire.title, view.level_title]
    texts += [domain.title for domain in view.domains if domain.applies]
    for action in view.actions:
        texts += [action.title, action.why, action.text.split(". ")[0]]
    return [text for text in texts if len(text.split()) >= 2]


@pytest.fixture(scope="module")
def plans(household: tuple[Questionnaire, Assessment]) -> dict[str, tuple[ResultView, str]]:
    questionnaire, assessment = household
    service = PlanService()
    result = {}
    for locale in ("en", "nl"):
        request = service.request_for(questionnaire, assessment, locale, created=CREATED)
        result[locale] = (request.view, pdf_text(service.pdf(questionnaire, request)))
    return result


def test_a_dutch_plan_has_no_english_sentences(plans: dict[str, tuple[ResultView, str]]) -> None:
    english_view, english_text = plans["en"]
    _, dutch_text = plans["nl"]
    assert [text for text in TEMPLATE_SENTENCES if text not in english_text] == []
    leftovers = [text for text in sentences(english_view) + TEMPLATE_SENTENCES if text in dutch_text]
    assert leftovers == []
    assert "Gemaakt op 28 november 2026" in dutch_text


def test_an_english_plan_has_no_dutch_sentences(plans: dict[str, tuple[ResultView, str]]) -> None:
    dutch_view, _ = plans["nl"]
    _, english_text = plans["en"]
    assert [text for text in sentences(dutch_view) if text in english_text] == []


def test_numbers_and_money_in_a_dutch_plan_use_dutch_conventions(plans: dict[str, tuple[ResultView, str]]) -> None:
    _, dutch_text = plans["nl"]
    assert "37,5 liter" in dutch_text
    assert "€ 200" in dutch_text

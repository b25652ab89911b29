"""An amount of money never breaks between its sign and its figures ("€" at a line's end, "20" on the next),
on the web and in the PDF: amounts and cost labels carry a no-break space."""

from __future__ import annotations

import json
import re
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from prepcheck.config import SUPPORTED_LOCALES
from prepcheck.engine import assess, load_questionnaire
from prepcheck.i18n.formatting import CURRENCY_CODES, format_amount
from prepcheck.report.pdf import html_to_pdf
from prepcheck.views.present import AssessmentPresenter

ROOT = Path(__file__).resolve().parents[2]
PLANS = {"household": "household_family.json", "business": "business_photonics.json"}
NO_BREAK_SPACE = "\u00a0"


def cost_labels(questionnaire_id: str, locale: str) -> set[str]:
    questionnaire = load_questionnaire(ROOT / "questionnaires" / f"{questionnaire_id}.yaml")
    answers = json.loads((ROOT / "tests" / "fixtures" / "answers" / PLANS[questionnaire_id]).read_text(encoding="utf-8"))
    view = AssessmentPresenter(questionnaire, locale).present(assess(questionnaire, answers))
    return {action.cost_label for action in view.actions if action.cost_label}


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_currency_keeps_its_sign_with_its_figures(locale: str) -> None:
    for currency in sorted(CURRENCY_CODES):
        amount = format_amount(1500, currency, locale)
        assert " " not in amount
        assert NO_BREAK_SPACE in amount


@pytest.mark.parametrize("locale", ("nl", "pap", "fy"))
@pytest.mark.parametrize("questionnaire_id", PLANS)
def test_the_cost_of_a_step_keeps_its_sign_with_its_figures(questionnaire_id: str, locale: str) -> None:
    labels = cost_labels(questionnaire_id, locale)
    with_money = [label for label in labels if re.search(r"\d", label)]
    assert with_money
    assert [label for label in with_money if re.search(r"[€$] \d|\d [€$]", label)] == []


def test_in_a_narrow_column_of_the_pdf_no_line_ends_with_the_euro_sign() -> None:
    label = next(label for label in cost_labels("household", "nl") if label.startswith("Minder dan"))
    for width in range(10, 60):
        html = f'<!doctype html><html lang="nl"><title>Kosten</title><p style="width: {width}mm">{label}</p></html>'
        lines = PdfReader(BytesIO(html_to_pdf(html))).pages[0].extract_text().splitlines()
        assert not [line for line in lines if line.rstrip().endswith("€")], f"{width} mm: {lines}"


@pytest.mark.parametrize("locale", ("nl", "pap", "fy"))
def test_a_questions_options_keep_the_sign_with_the_figures(locale: str) -> None:
    questionnaire = load_questionnaire(ROOT / "questionnaires" / "business.yaml")
    presenter = AssessmentPresenter(questionnaire, locale)
    question = next(question for question in questionnaire.questions if question.id == "turnover")
    labels = [presenter.text("option", f"turnover.{option.value}", "label", option.label) for option in question.options]
    assert [label for label in labels if re.search(r"€ \d", label)] == []

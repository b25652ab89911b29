"""The longest plans a check can give still fit: four pages on the fridge, eight for a business, links and QR code on."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from prepcheck.config import SUPPORTED_LOCALES
from prepcheck.engine import Assessment, Questionnaire, assess
from prepcheck.views.present import AssessmentPresenter
from tests.report.report_helpers import plan_pdf, questionnaire_named, real_link
from tests.support.pdf_checks import link_targets, page_count, qr_images, shows_qr_of
from tests.support.plan_answers import worst_case_answers


@pytest.fixture(scope="module")
def household_worst_case() -> tuple[Questionnaire, Assessment]:
    questionnaire = questionnaire_named("household")
    return questionnaire, assess(questionnaire, worst_case_answers(questionnaire))


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_longest_household_plan_fits_on_four_pages_with_its_re_check_link_and_qr_code(
    household_worst_case: tuple[Questionnaire, Assessment], locale: str
) -> None:
    questionnaire, assessment = household_worst_case
    assert len(assessment.actions) >= 35
    pdf = plan_pdf(questionnaire, assessment, locale)
    assert page_count(pdf) <= 4
    link = real_link(questionnaire, assessment, locale)
    assert link in link_targets(pdf)
    assert any(shows_qr_of(image, link) for image in qr_images(pdf))


def test_a_single_person_on_bonaire_gets_a_plan_of_at_most_four_pages(
    household_worst_case: tuple[Questionnaire, Assessment],
) -> None:
    questionnaire, worst = household_worst_case
    alone = {**worst.answers, "place": "bonaire", "adults": 1, "children": 0, "babies": 0, "pets": 0}
    assert page_count(plan_pdf(questionnaire, assess(questionnaire, alone), "pap")) <= 4


@pytest.fixture(scope="module")
def business_worst_case() -> tuple[Questionnaire, Assessment, bytes]:
    questionnaire = questionnaire_named("business")
    assessment = assess(questionnaire, worst_case_answers(questionnaire))
    return questionnaire, assessment, plan_pdf(questionnaire, assessment, "nl")


def test_the_longest_business_plan_fits_on_eight_pages(business_worst_case: tuple[Questionnaire, Assessment, bytes]) -> None:
    _, assessment, pdf = business_worst_case
    assert len(assessment.actions) >= 50
    assert page_count(pdf) <= 8


def test_no_step_breaks_its_line_after_the_first_word(business_worst_case: tuple[Questionnaire, Assessment, bytes]) -> None:
    # A text that just fits its line, followed by " <strong>", made WeasyPrint break after the first word.
    questionnaire, assessment, pdf = business_worst_case
    lines = [" ".join(line.split()) for page in PdfReader(BytesIO(pdf)).pages for line in page.extract_text().splitlines()]
    texts = [action.text for action in AssessmentPresenter(questionnaire, "nl").present(assessment).actions]
    assert [line for line in lines if len(line.split()) == 1 and any(text.startswith(line + " ") for text in texts)] == []

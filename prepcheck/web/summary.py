"""Check your answers: every answer on the path, each with a change link that comes back here."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, render_template

from prepcheck.engine.answers import to_document
from prepcheck.web.journey import SUMMARY_PAGE, Journey, Unfinished, finished_journey
from prepcheck.web.translate import _

blueprint = Blueprint("summary", __name__)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One answered (or skipped optional) question."""

    question_id: str
    question: str
    answer: str
    change_url: str


@dataclass(frozen=True, slots=True)
class SummarySection:
    """The rows of one page, under its title."""

    title: str
    rows: tuple[SummaryRow, ...]


def summary_sections(journey: Journey) -> list[SummarySection]:
    """The answers that count, page by page, in words."""
    answers = to_document(journey.path.answers)
    presenter = journey.presenter
    sections = []
    for shown in journey.path.pages:
        rows = []
        for question in shown.questions:
            answer = presenter.answer_label(question, answers[question.id]) if question.id in answers else _("Not answered")
            rows.append(
                SummaryRow(
                    question.id,
                    presenter.text("question", question.id, "text", question.text, journey.variants.question(question.id)),
                    answer,
                    journey.page_url(shown.page.id, change="1") + f"#{question.id}",
                )
            )
        title = presenter.text("page", shown.page.id, "title", shown.page.title, journey.variants.page(shown.page.id))
        sections.append(SummarySection(title, tuple(rows)))
    return sections


@blueprint.get(f"/<questionnaire_id>/<response_id>/{SUMMARY_PAGE}")
def check_answers(questionnaire_id: str, response_id: str) -> str:
    """The summary, once every required question on the path is answered."""
    journey = finished_journey(questionnaire_id, response_id, Unfinished.REDIRECT)
    last_page = journey.path.page_ids[-1]
    return render_template(
        "check_answers.html", journey=journey, sections=summary_sections(journey), back_url=journey.page_url(last_page)
    )

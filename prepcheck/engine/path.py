"""Which pages and questions are shown, computed from the answers alone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from prepcheck.engine.answers import AnswerValue
from prepcheck.engine.model import Page, Question, Questionnaire


class ShownPage(NamedTuple):
    """A page on the path with the questions on it that are shown."""

    page: Page
    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class Path:
    """The pages and questions that apply, and the answers that count (those to shown questions)."""

    pages: tuple[ShownPage, ...]
    answers: Mapping[str, AnswerValue]
    questions: tuple[Question, ...] = field(init=False, repr=False, compare=False)
    """Every shown question, in order."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", tuple(q for shown in self.pages for q in shown.questions))

    @property
    def page_ids(self) -> tuple[str, ...]:
        return tuple(shown.page.id for shown in self.pages)

    def first_unanswered_page(self) -> ShownPage | None:
        """The first page with a required question that has no answer yet."""
        for shown in self.pages:
            if any(not question.optional and question.id not in self.answers for question in shown.questions):
                return shown
        return None

    def unanswered_required(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if not q.optional and q.id not in self.answers)


def compute_path(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue], context: Mapping[str, Any] | None = None
) -> Path:
    """Walk the pages in order; a rule only sees answers to questions shown before it."""
    # Show-if rules may only name questions on earlier pages (the loader checks this), so
    # one pass in page order decides everything and abandoned branches stay invisible.
    env: dict[str, Any] = dict(context or {})
    visible: dict[str, AnswerValue] = {}
    shown_pages: list[ShownPage] = []
    for page in questionnaire.pages:
        if page.show_if is not None and page.show_if.evaluate(env) is not True:
            continue
        if page.has_conditional_questions:
            shown_questions = tuple(
                question for question in page.questions if question.show_if is None or question.show_if.evaluate(env) is True
            )
            if not shown_questions:
                continue
        else:
            shown_questions = page.questions
        shown_pages.append(ShownPage(page, shown_questions))
        for question in shown_questions:
            value = answers.get(question.id)
            if value is not None:
                visible[question.id] = value
                env[question.id] = value
    return Path(pages=tuple(shown_pages), answers=visible)

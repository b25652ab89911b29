"""The journey service: per request, a response is loaded once and what it gives is computed once, lazily.

Engine values cross into the blueprints (the path, the Assessment); the stored JSON document stays at the store.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from flask import abort, redirect, url_for
from flask_babel import get_locale

from prepcheck.engine import Assessment, Context, Path, Questionnaire, check_answers
from prepcheck.engine.answers import AnswerValue
from prepcheck.engine.assess import assess_path, variants_on_path
from prepcheck.engine.questionnaires import QuestionnaireRegistry
from prepcheck.engine.recheck_code import assessment_code
from prepcheck.engine.variants import ChosenVariants
from prepcheck.services import services
from prepcheck.store import ResponseExpired, ResponseNotFound, ResponseStore, StoredResponse
from prepcheck.store.codes import format_resume_code
from prepcheck.views.model import ResultView
from prepcheck.views.present import AssessmentPresenter
from prepcheck.web.errors import ProblemPage
from prepcheck.web.tenancy import tenant_offers

_RESPONSE_ID = re.compile(r"[A-Za-z0-9_-]{22,64}")
SUMMARY_PAGE = "check-your-answers"


class Unfinished(enum.Enum):
    """What a page that needs every required answer does while one is still missing."""

    NOT_FOUND = "not found"
    """It does not exist yet (the plan, the answers file): 404."""
    REDIRECT = "redirect"
    """It leads there (the summary, the result): 303 to the first page still needing an answer."""


def store() -> ResponseStore:
    return services().responses


def questionnaires() -> QuestionnaireRegistry:
    return services().questionnaires


def locale() -> str:
    return str(get_locale() or "en")


def questionnaire_or_404(questionnaire_id: str) -> Questionnaire:
    """The questionnaire, if the app has it and (under /embed/<tenant>/) the tenant offers it."""
    if not tenant_offers(questionnaire_id):
        raise ProblemPage(404)
    try:
        return questionnaires()[questionnaire_id]
    except KeyError:
        raise ProblemPage(404) from None


@contextmanager
def response_pages() -> Iterator[None]:
    """A response that is gone becomes the not-found page, one past its retention the expired page."""
    try:
        yield
    except ResponseNotFound:
        raise ProblemPage(404) from None
    except ResponseExpired:
        raise ProblemPage(410) from None


def load_response(response_id: str) -> StoredResponse:
    """The stored response, or the not-found or expired page."""
    if not _RESPONSE_ID.fullmatch(response_id):
        raise ProblemPage(404)
    with response_pages():
        return store().load(response_id)


@dataclass(frozen=True)
class Journey:
    """One response in progress: its questionnaire, stored document, checked answers and path.

    The assessment, its presented view and its re-check code are computed on first use and then kept (not slotted,
    for cached_property), so a request that shows them more than once computes each once.
    """

    questionnaire: Questionnaire
    stored: StoredResponse
    values: dict[str, AnswerValue]
    path: Path
    context: Context
    presenter: AssessmentPresenter

    @property
    def response_id(self) -> str:
        return self.stored.response_id

    @property
    def resume_code(self) -> str:
        return format_resume_code(self.stored.resume_code)

    def url(self, endpoint: str, **values: Any) -> str:
        return url_for(endpoint, questionnaire_id=self.questionnaire.id, response_id=self.response_id, **values)

    def page_url(self, page_id: str, **values: Any) -> str:
        return self.url("questions.page", page_id=page_id, **values)

    def next_url(self) -> str:
        """The first page still needing an answer, or the check-your-answers page."""
        unanswered = self.path.first_unanswered_page()
        if unanswered is not None:
            return self.page_url(unanswered.page.id)
        return self.url("summary.check_answers")

    @cached_property
    def variants(self) -> ChosenVariants:
        """Which variant of their texts the pages and questions on the path show for these answers."""
        return variants_on_path(self.questionnaire, self.path, self.context)

    @cached_property
    def assessment(self) -> Assessment:
        """The scores of the answers on the path (for a finished journey: see finished_journey)."""
        return assess_path(self.questionnaire, self.path, self.context)

    @cached_property
    def view(self) -> ResultView:
        """The assessment as the reader sees it, in their language (the result page and the plan)."""
        return self.presenter.present(self.assessment)

    @cached_property
    def recheck_code(self) -> str:
        """Next year's code: the answers on the path and the scores they gave, as the assessment holds them."""
        return assessment_code(self.assessment)

    def recheck_link(self) -> str:
        """The link that brings the re-check code back to this site (the code after '#')."""
        return services().site.recheck_link(self.context.locale, self.questionnaire.id, self.recheck_code)

    def saved_as(self, stored: StoredResponse) -> Journey:
        """The same journey once its answers were saved as `stored`: its path computed again, nothing loaded again."""
        return _journey(self.questionnaire, stored, self.context, self.presenter)


def _journey(questionnaire: Questionnaire, stored: StoredResponse, context: Context, presenter: AssessmentPresenter) -> Journey:
    values, path, _problems = check_answers(questionnaire, stored.document.answers, context)
    return Journey(questionnaire, stored, values, path, context, presenter)


def load_journey(questionnaire_id: str, response_id: str) -> Journey:
    """The journey behind a URL; answers that no longer fit the questionnaire are left out."""
    questionnaire = questionnaire_or_404(questionnaire_id)
    stored = load_response(response_id)
    if stored.document.questionnaire_id != questionnaire.id:
        raise ProblemPage(404)
    context = Context(locale=locale())
    return _journey(questionnaire, stored, context, AssessmentPresenter(questionnaire, context.locale))


def finished_journey(questionnaire_id: str, response_id: str, unfinished: Unfinished) -> Journey:
    """A journey whose required questions on the path are all answered; while one is not, `unfinished` decides."""
    journey = load_journey(questionnaire_id, response_id)
    unanswered = journey.path.first_unanswered_page()
    if unanswered is None:
        return journey
    if unfinished is Unfinished.REDIRECT:
        abort(redirect(journey.page_url(unanswered.page.id), code=303))
    raise ProblemPage(404)

"""Loads a response with its questionnaire and computes where it stands; shared by the journey blueprints."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask import current_app, url_for
from flask_babel import get_locale

from prepcheck.engine import Assessment, Context, Path, Questionnaire, check_answers
from prepcheck.engine.answers import AnswerValue
from prepcheck.engine.assess import assess_path
from prepcheck.engine.questionnaires import QuestionnaireRegistry
from prepcheck.store import ResponseExpired, ResponseNotFound, ResponseStore, StoredResponse
from prepcheck.store.codes import format_resume_code
from prepcheck.views.present import AssessmentPresenter
from prepcheck.web.errors import ProblemPage
from prepcheck.web.tenancy import tenant_offers

_RESPONSE_ID = re.compile(r"[A-Za-z0-9_-]{22,64}")
SUMMARY_PAGE = "check-your-answers"


def store() -> ResponseStore:
    return current_app.extensions["prepcheck.store"]  # type: ignore[no-any-return]


def questionnaires() -> QuestionnaireRegistry:
    return current_app.extensions["prepcheck.questionnaires"]  # type: ignore[no-any-return]


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


def load_response(response_id: str) -> StoredResponse:
    """The stored response, or the not-found or expired page."""
    if not _RESPONSE_ID.fullmatch(response_id):
        raise ProblemPage(404)
    try:
        return store().load(response_id)
    except ResponseNotFound:
        raise ProblemPage(404) from None
    except ResponseExpired:
        raise ProblemPage(410) from None


@dataclass(frozen=True, slots=True)
class Journey:
    """One response in progress: its questionnaire, stored document, checked answers and path."""

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


def load_journey(questionnaire_id: str, response_id: str) -> Journey:
    """The journey behind a URL; answers that no longer fit the questionnaire are left out."""
    questionnaire = questionnaire_or_404(questionnaire_id)
    stored = load_response(response_id)
    if stored.document.questionnaire_id != questionnaire.id:
        raise ProblemPage(404)
    context = Context(locale=locale())
    values, path, _problems = check_answers(questionnaire, stored.document.answers, context)
    return Journey(questionnaire, stored, values, path, context, AssessmentPresenter(questionnaire, context.locale))


def completed_journey(questionnaire_id: str, response_id: str) -> tuple[Journey, Assessment]:
    """A journey whose required questions are all answered, and its assessment; 404 while it is unfinished."""
    journey = load_journey(questionnaire_id, response_id)
    if journey.path.first_unanswered_page() is not None:
        raise ProblemPage(404)
    return journey, assess_path(journey.questionnaire, journey.path, journey.context)

"""Starting a check: a new response under a random id, then the first page."""

from __future__ import annotations

from flask import Blueprint, redirect, request, url_for
from werkzeug.wrappers import Response

from prepcheck.engine import compute_path
from prepcheck.store import ResponseDocument
from prepcheck.web.errors import ProblemPage
from prepcheck.web.journey import locale, questionnaire_or_404, store
from prepcheck.web.security import TOKEN_FIELD, TokenExpired, TokenInvalid, check_form_token

blueprint = Blueprint("start", __name__)

START_PAGE = "start"


@blueprint.post("/<questionnaire_id>/start")
def start(questionnaire_id: str) -> Response:
    """Create the response and go to its first page."""
    questionnaire = questionnaire_or_404(questionnaire_id)
    try:
        check_form_token(request.form.get(TOKEN_FIELD), "", f"{START_PAGE}:{questionnaire.id}")
    except (TokenInvalid, TokenExpired):
        raise ProblemPage(400, back=url_for("landing.index")) from None
    document = ResponseDocument(questionnaire.id, questionnaire.version, locale())
    stored = store().create(document)
    first = compute_path(questionnaire, {}).pages[0].page.id
    url = url_for("questions.page", questionnaire_id=questionnaire.id, response_id=stored.response_id, page_id=first)
    return redirect(url, code=303)

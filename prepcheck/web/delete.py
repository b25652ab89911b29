"""Delete my answers: a confirmation, then the response is removed at once."""

from __future__ import annotations

from flask import Blueprint, render_template, request, url_for

from prepcheck.web.errors import ProblemPage
from prepcheck.web.journey import load_journey, store
from prepcheck.web.security import TOKEN_FIELD, FormBinding, TokenExpired, TokenInvalid, check_form_token, form_token

blueprint = Blueprint("delete", __name__)

DELETE_PAGE = "delete"


@blueprint.get("/<questionnaire_id>/<response_id>/delete-answers")
def confirm(questionnaire_id: str, response_id: str) -> str:
    """Ask once before deleting."""
    journey = load_journey(questionnaire_id, response_id)
    token = form_token(FormBinding(journey.response_id, DELETE_PAGE, 0))
    return render_template("delete.html", journey=journey, token=token, back_url=journey.next_url())


@blueprint.post("/<questionnaire_id>/<response_id>/delete-answers")
def delete(questionnaire_id: str, response_id: str) -> str:
    """Remove the response and say so."""
    journey = load_journey(questionnaire_id, response_id)
    try:
        check_form_token(request.form.get(TOKEN_FIELD), journey.response_id, DELETE_PAGE)
    except (TokenInvalid, TokenExpired):
        raise ProblemPage(400, back=journey.url("delete.confirm")) from None
    store().delete(journey.response_id)
    return render_template("deleted.html", back_url=url_for("landing.index"))

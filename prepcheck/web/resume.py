"""Resume with a code: find the response behind it and go to its first unanswered page."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from prepcheck.store import ResponseExpired, ResponseNotFound, normalise_resume_code
from prepcheck.web.errors import ProblemPage
from prepcheck.web.journey import load_response, store
from prepcheck.web.security import (
    TOKEN_FIELD,
    FormBinding,
    TokenExpired,
    TokenInvalid,
    check_form_token,
    form_token,
    printable,
)
from prepcheck.web.translate import _

blueprint = Blueprint("resume", __name__)

RESUME_PAGE = "resume"
CODE_FIELD = "code"
MAX_CODE_LENGTH = 40


def _render(entered: str = "", error: str | None = None) -> str:
    token = form_token(FormBinding("", RESUME_PAGE, 0))
    return render_template("resume.html", entered=entered, error=error, token=token, back_url=url_for("landing.index"))


@blueprint.get("/resume")
def resume_form() -> str:
    return _render()


@blueprint.post("/resume")
def resume() -> Response | str:
    """Check the code as typed (case and separators forgiven) and carry on where the answers stopped."""
    try:
        check_form_token(request.form.get(TOKEN_FIELD), "", RESUME_PAGE)
    except (TokenInvalid, TokenExpired):
        raise ProblemPage(400, back=url_for("resume.resume_form")) from None
    entered = printable(request.form.get(CODE_FIELD, ""))[:MAX_CODE_LENGTH]
    if not entered.strip():
        return _render(entered, _("Enter your resume code"))
    code = normalise_resume_code(entered)
    if code is None:
        return _render(entered, _("Enter the 13 letters and numbers of your code, like K7QM-XD29-TB3HW"))
    try:
        response_id = store().find_by_resume_code(code)
    except ResponseNotFound:
        return _render(entered, _("We could not find answers with this code. Check the code and try again"))
    except ResponseExpired:
        raise ProblemPage(410) from None
    questionnaire_id = load_response(response_id).document.questionnaire_id
    url = url_for("questions.resume_point", questionnaire_id=questionnaire_id, response_id=response_id)
    return redirect(url, code=303)

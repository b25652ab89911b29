"""Question pages: one topic per page, saved on every valid answer, errors shown the GOV.UK way."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from prepcheck.engine.path import ShownPage
from prepcheck.store import AnswersChanged, ResponseBusy
from prepcheck.web.errors import ProblemPage
from prepcheck.web.forms import FormTampered, build_form, check_allowed_fields, question_views, read_answers
from prepcheck.web.journey import Journey, load_journey, response_pages, store
from prepcheck.web.security import (
    TOKEN_FIELD,
    FormBinding,
    TokenExpired,
    TokenInvalid,
    check_form_token,
    form_token,
    printable_form,
)
from prepcheck.web.translate import _

blueprint = Blueprint("questions", __name__)


@blueprint.get("/<questionnaire_id>/<response_id>/")
def resume_point(questionnaire_id: str, response_id: str) -> Response:
    """The link to a response: carry on where it was left."""
    return redirect(load_journey(questionnaire_id, response_id).next_url(), code=303)


def _shown_page(journey: Journey, page_id: str) -> ShownPage | None:
    if page_id not in journey.questionnaire.pages_by_id:
        raise ProblemPage(404)
    return next((shown for shown in journey.path.pages if shown.page.id == page_id), None)


def _back_url(journey: Journey, page_id: str, changing: bool) -> str:
    if changing:
        return journey.url("summary.check_answers")
    ids = journey.path.page_ids
    index = ids.index(page_id)
    return journey.page_url(ids[index - 1]) if index > 0 else url_for("landing.index")


def _render(
    journey: Journey, shown: ShownPage, form: Any, errors: dict[str, str], status: int = 200, notice: str = ""
) -> tuple[str, int]:
    changing = request.args.get("change") == "1"
    page = shown.page
    variant = journey.variants.page(page.id)
    title = journey.presenter.text("page", page.id, "title", page.title, variant)
    intro = journey.presenter.text("page", page.id, "intro", page.intro, variant)
    single = len(shown.questions) == 1 and not intro
    views = question_views(form, shown.questions, journey.presenter, journey.variants, title, single)
    for view in views:
        view.error = errors.get(view.id)
    heading = views[0].text if single else title
    ids = journey.path.page_ids
    token = form_token(FormBinding(journey.response_id, page.id, journey.stored.document.revision))
    return (
        render_template(
            "question.html",
            journey=journey,
            page=page,
            heading=heading,
            single=single,
            title=title,
            intro=intro,
            questions=views,
            errors=errors,
            notice=notice,
            token=token,
            action=journey.page_url(page.id, **({"change": "1"} if changing else {})),
            back_url=_back_url(journey, page.id, changing),
            page_number=ids.index(page.id) + 1,
            page_total=len(ids),
        ),
        status,
    )


@blueprint.route("/<questionnaire_id>/<response_id>/<page_id>", methods=["GET", "POST"])
def page(questionnaire_id: str, response_id: str, page_id: str) -> Response | tuple[str, int]:
    """Show the page with the answers given so far, or check and save what was sent."""
    journey = load_journey(questionnaire_id, response_id)
    shown = _shown_page(journey, page_id)
    if shown is None:
        if request.method == "POST":
            raise ProblemPage(400, back=journey.next_url())
        return redirect(journey.next_url(), code=303)
    if request.method == "GET":
        form = build_form(shown.questions, None, journey.stored.document.answers)
        return _render(journey, shown, form, {})
    return _submit(journey, shown)


def _submit(journey: Journey, shown: ShownPage) -> Response | tuple[str, int]:
    back = journey.page_url(shown.page.id)
    try:
        revision = check_form_token(request.form.get(TOKEN_FIELD), journey.response_id, shown.page.id)
        sent = printable_form(request.form)  # control characters never reach a check, the store or a page
        check_allowed_fields(sent, shown.questions)
        form = build_form(shown.questions, sent, {})
        answers, errors = read_answers(form, shown.questions)
    except TokenExpired:
        raise ProblemPage(400, title=_page_expired_title(), message=_page_expired_message(), back=back) from None
    except (TokenInvalid, FormTampered):
        raise ProblemPage(400, back=back) from None
    if errors:
        return _render(journey, shown, form, errors)
    stored_answers = journey.stored.document.answers
    unchanged = all(stored_answers.get(qid) == value for qid, value in answers.items())
    if revision != journey.stored.document.revision and not unchanged:
        # The answers changed since this form was shown (another tab, or an old form sent again): keep them.
        fresh = build_form(shown.questions, None, stored_answers)
        return _render(journey, shown, fresh, {}, status=409, notice=_stale_notice())
    if not unchanged:
        try:
            with response_pages():
                journey = journey.saved_as(store().update_answers(journey.response_id, answers, journey.stored))
        except AnswersChanged as changed:  # another request changed this page's answers while it was being sent
            fresh = build_form(shown.questions, None, changed.latest.document.answers)
            return _render(journey, shown, fresh, {}, status=409, notice=_stale_notice())
        except ResponseBusy:
            raise ProblemPage(503) from None
    return redirect(_after(journey, shown.page.id), code=303)


def _after(journey: Journey, page_id: str) -> str:
    """Where to go after a valid page: the next page on the (saved) journey's path, or back to the summary."""
    path = journey.path
    unanswered = path.first_unanswered_page()
    if request.args.get("change") == "1":
        if unanswered is None:
            return journey.url("summary.check_answers")
        return journey.page_url(unanswered.page.id, change="1")
    ids = path.page_ids
    index = ids.index(page_id) if page_id in ids else -1
    if index + 1 < len(ids):
        return journey.page_url(ids[index + 1])
    if unanswered is not None:
        return journey.page_url(unanswered.page.id)
    return journey.url("summary.check_answers")


def _page_expired_title() -> str:
    return _("This page has timed out")


def _page_expired_message() -> str:
    return _(
        "To protect your answers, a page can only be sent for a few hours after it was opened. "
        "Nothing from this page was saved; your earlier answers are safe. Open the page again to go on."
    )


def _stale_notice() -> str:
    return _("Your answers on this page were changed in another window or tab. Check them below and continue.")

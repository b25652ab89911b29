"""The API's operations: read questionnaires, assess answers (JSON or PDF), and read or make re-check codes."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from prepcheck.api import problems
from prepcheck.api.body import context_for, json_body, language, questionnaire_named, read_fields
from prepcheck.api.describe import describe, summarise
from prepcheck.api.openapi import openapi_document
from prepcheck.api.problems import ApiProblem, ErrorEntry, entry_for
from prepcheck.api.responses import AssessmentResponse
from prepcheck.engine import Assessment, InvalidAnswers, Questionnaire, assess
from prepcheck.engine.recheck_code import DecodedCode, RecheckCodeError, assessment_code, compare, decode_code, encode
from prepcheck.report.renderer import PlanOrder, PlanUnavailable
from prepcheck.report.service import report_request
from prepcheck.services import services
from prepcheck.views.documents import to_json
from prepcheck.views.model import ComparisonView
from prepcheck.views.present import AssessmentPresenter, present_comparison

blueprint = Blueprint("api", __name__, url_prefix="/api")

PDF_WAIT_SECONDS = 20.0
"""How long the PDF operation waits for the plan (its render in the background, or a worker) before it answers 503."""
blueprint.register_error_handler(ApiProblem, problems.handle_api_problem)
blueprint.register_error_handler(HTTPException, problems.from_http_error)
blueprint.register_error_handler(Exception, problems.handle_unexpected)


def _json(data: Any, locale: str | None = None) -> Response:
    response = jsonify(data)
    if locale:
        response.headers["Content-Language"] = locale
    return response


@blueprint.get("/openapi.json")
def openapi() -> Response:
    return _json(openapi_document(services().questionnaires))


@blueprint.get("/v1/questionnaires")
def list_questionnaires() -> Response:
    locale = language(request.args.get("lang"), 400, pointer=None)
    registry = services().questionnaires
    items = [summarise(registry[questionnaire_id], locale) for questionnaire_id in sorted(registry)]
    return _json({"lang": locale, "questionnaires": items}, locale)


@blueprint.get("/v1/questionnaires/<questionnaire_id>")
def show_questionnaire(questionnaire_id: str) -> Response:
    questionnaire = questionnaire_named(questionnaire_id, 404, pointer=None)
    locale = language(request.args.get("lang"), 400, pointer=None)
    return _json(describe(questionnaire, locale), locale)


def _assessed() -> tuple[Questionnaire, Assessment, str, dict[str, Any]]:
    """Read an assessment request and assess it; every bad input becomes a problem."""
    fields = read_fields(json_body(), ("questionnaire", "answers"), ("lang", "context", "previous_code"))
    questionnaire = questionnaire_named(fields["questionnaire"], 422)
    locale = language(fields.get("lang"), 422)
    context = context_for(questionnaire, locale, fields.get("context"))
    try:
        assessment = assess(questionnaire, fields["answers"], context)
    except InvalidAnswers as error:
        count = len(error.problems)
        detail = f"{count} answer{'s' if count != 1 else ''} must be given or corrected before the check can be scored."
        raise ApiProblem("invalid-answers", 422, detail, [entry_for(problem) for problem in error.problems]) from error
    return questionnaire, assessment, locale, fields


def _decoded(questionnaire: Questionnaire, code: str, pointer: str) -> DecodedCode:
    try:
        return decode_code(questionnaire, code)
    except RecheckCodeError as error:
        entry = ErrorEntry(error.reason, error.message, pointer=pointer)
        raise ApiProblem("invalid-recheck-code", 422, error.message, [entry]) from error


@blueprint.post("/v1/assessments")
def create_assessment() -> Response:
    questionnaire, assessment, locale, fields = _assessed()
    view = AssessmentPresenter(questionnaire, locale).present(assessment)
    recheck_code = assessment_code(assessment)
    since_last_time: ComparisonView | None = None
    if "previous_code" in fields:
        decoded = _decoded(questionnaire, fields["previous_code"], "/previous_code")
        if decoded.previous is not None:
            since_last_time = present_comparison(compare(decoded.previous, assessment))
    return _json(to_json(AssessmentResponse.of(view, recheck_code, since_last_time)), locale)


@blueprint.post("/v1/assessments/pdf")
def create_assessment_pdf() -> Response:
    questionnaire, assessment, locale, _ = _assessed()
    # The plan's links lead to this site's own pages (PREPCHECK_PUBLIC_URL, else this host).
    site = services().site
    link = site.recheck_link(locale, questionnaire.id, assessment_code(assessment))
    presenter = AssessmentPresenter(questionnaire, locale)
    sources_url = site.sources_link(locale, questionnaire.id)
    plan = report_request(presenter, presenter.present(assessment), assessment, recheck_url=link, sources_url=sources_url)
    order = PlanOrder(questionnaire, plan)
    try:
        # An API client needs the PDF in this answer: in queue mode, wait for a worker to make it.
        pdf = services().plans.wait(order, PDF_WAIT_SECONDS)
    except PlanUnavailable:
        pdf = None
    if pdf is None:
        detail = "The PDF could not be made just now. Wait a moment and send the same request again."
        return problems.problem_response(ApiProblem("plan-unavailable", 503, detail), {"Retry-After": "5"})
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="prepcheck-{questionnaire.id}.pdf"'
    response.headers["Content-Language"] = locale
    return response


@blueprint.post("/v1/recheck/encode")
def encode_recheck() -> Response:
    fields = read_fields(json_body(), ("questionnaire", "answers"), ("context",))
    questionnaire = questionnaire_named(fields["questionnaire"], 422)
    context = context_for(questionnaire, "en", fields.get("context"))
    try:
        assessment: Assessment | None = assess(questionnaire, fields["answers"], context)
    except InvalidAnswers:
        assessment = None  # partial answers still make a code; it just carries no scores
    try:
        code = assessment_code(assessment) if assessment is not None else encode(questionnaire, fields["answers"], None, context)
    except InvalidAnswers as error:
        raise ApiProblem(
            "invalid-answers", 422, "Some answers do not fit the questionnaire.", [entry_for(p) for p in error.problems]
        ) from error
    body = {
        "questionnaire": questionnaire.id,
        "version": questionnaire.version,
        "code": code,
        "with_scores": assessment is not None,
    }
    return _json(body)


@blueprint.post("/v1/recheck/decode")
def decode_recheck() -> Response:
    fields = read_fields(json_body(), ("questionnaire", "code"), ())
    questionnaire = questionnaire_named(fields["questionnaire"], 422)
    decoded = _decoded(questionnaire, fields["code"], "/code")
    previous = decoded.previous
    body = {
        "questionnaire": decoded.questionnaire_id,
        "version": decoded.version,
        "current_version": questionnaire.version,
        "answers": decoded.answers,
        "notes": [{"question": note.question_id, "code": note.code, "message": note.message} for note in decoded.notes],
        "previous": None
        if previous is None
        else {
            "score": previous.score,
            "level": previous.level,
            "domains": [{"id": key, "score": score, "level": level} for key, (score, level) in previous.domains.items()],
        },
    }
    return _json(body)

"""The action plan as a PDF download, in the reader's language; a failed render offers a retry.

Embedded mode renders it during the request (in this process's render pool). Queue mode (PREPCHECK_REDIS_URL set)
serves it from Redis when an RQ worker has made it, and otherwise asks for it and sends the reader to the status
page (`plan_status`).
"""

from __future__ import annotations

import hashlib
import re

from flask import Blueprint, Response, current_app, redirect, request
from redis import Redis
from redis.exceptions import RedisError
from werkzeug.wrappers import Response as BaseResponse

from prepcheck.engine import Assessment
from prepcheck.report.cache import cache_key
from prepcheck.report.fetcher import asset_bytes
from prepcheck.report.html import ReportRequest, render_report_html
from prepcheck.report.plan_queue import PlanQueue
from prepcheck.report.service import PlanService
from prepcheck.report.workers import RenderError, RenderPool
from prepcheck.web.errors import ProblemPage
from prepcheck.web.journey import Journey, completed_journey
from prepcheck.web.recheck import journey_link
from prepcheck.web.tenancy import tenant_assets, tenant_report_options
from prepcheck.web.translate import _

blueprint = Blueprint("plan_pdf", __name__)

QUEUE_EXTENSION = "prepcheck.plan_queue"


def plan_service() -> PlanService:
    """The app's plan service; its worker processes start on the first download, not with the app."""
    service: PlanService | None = current_app.extensions.get("prepcheck.plans")
    if service is None:
        settings = current_app.config["PREPCHECK_SETTINGS"]
        service = PlanService(pool=RenderPool(size=settings.pdf_workers, timeout=settings.pdf_timeout_seconds))
        current_app.extensions["prepcheck.plans"] = service
    return service


def plan_queue() -> PlanQueue | None:
    """The RQ plan queue in queue mode (PREPCHECK_REDIS_URL set), else None."""
    queue: PlanQueue | None = current_app.extensions.get(QUEUE_EXTENSION)
    settings = current_app.config["PREPCHECK_SETTINGS"]
    if queue is None and settings.redis_url:
        pepper = hashlib.sha256(b"prepcheck.plan_queue\x00" + current_app.config["SECRET_KEY"].encode()).digest()
        queue = PlanQueue(
            Redis.from_url(settings.redis_url, socket_timeout=5, socket_connect_timeout=5),
            pepper,
            keep_seconds=settings.pdf_cache_seconds,
            timeout_seconds=settings.pdf_timeout_seconds,
        )
        current_app.extensions[QUEUE_EXTENSION] = queue
    return queue


def report_request(journey: Journey, assessment: Assessment) -> ReportRequest:
    """Everything the plan of this journey shows (and so its cache key)."""
    return plan_service().request_for(
        journey.questionnaire,
        assessment,
        journey.context.locale,
        resume_code=journey.resume_code,
        recheck_url=journey_link(journey, assessment),
        **tenant_report_options(),
    )


def not_made_now(journey: Journey) -> ProblemPage:
    """The 503 page for a plan that cannot be made at this moment (a broken render, Redis not answering)."""
    return ProblemPage(
        503,
        title=_("Your action plan could not be made just now"),
        message=_("Your answers are safe. Wait a moment and try again, or print this result page instead."),
        back=journey.url("result.result"),
        retry=journey.url("plan_pdf.download"),
    )


def _filename(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "plan"
    return f"prepcheck-{slug}.pdf"


def _pdf_response(journey: Journey, pdf: bytes) -> Response:
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(journey.questionnaire.id)}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _queued(journey: Journey, plan: ReportRequest, queue: PlanQueue) -> BaseResponse:
    """The PDF when a worker has made it; else make sure a job exists and send the reader to the status page."""
    ticket = queue.ticket(cache_key(plan))
    # Only exactly `retry=1` replaces a failed job; any other value is a plain download.
    retry = request.args.get("retry") == "1"

    def payload() -> tuple[str, dict[str, bytes]]:
        return render_report_html(plan, journey.questionnaire), asset_bytes(tenant_assets())

    try:
        pdf = queue.pdf(ticket)
        if pdf is None:
            queue.request(ticket, payload, retry=retry)
    except RedisError:
        raise not_made_now(journey) from None
    if pdf is not None:
        return _pdf_response(journey, pdf)
    return redirect(journey.url("plan_status.status"), code=303)


@blueprint.get("/<questionnaire_id>/<response_id>/action-plan.pdf")
def download(questionnaire_id: str, response_id: str) -> BaseResponse:
    """Render (or take from the cache) the plan for the stored answers on the path."""
    journey, assessment = completed_journey(questionnaire_id, response_id)
    plan = report_request(journey, assessment)
    queue = plan_queue()
    if queue is not None:
        return _queued(journey, plan, queue)
    try:
        pdf = plan_service().pdf(journey.questionnaire, plan, tenant_assets())
    except RenderError:
        raise not_made_now(journey) from None
    return _pdf_response(journey, pdf)

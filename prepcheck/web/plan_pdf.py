"""The action plan as a PDF download, in the reader's language; a failed render offers a retry.

The app's plan renderer decides how: embedded mode makes it in this process's render pool and waits about two
seconds for it; queue mode (PREPCHECK_REDIS_URL set) serves it from Redis when an RQ worker has made it, and
otherwise asks for it. A plan that is not ready sends the reader to the status page (`plan_status`).
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, redirect, request
from werkzeug.wrappers import Response as BaseResponse

from prepcheck.report.renderer import PlanOrder, PlanUnavailable
from prepcheck.report.service import report_request
from prepcheck.services import services
from prepcheck.web.errors import ProblemPage
from prepcheck.web.journey import Journey, Unfinished, finished_journey
from prepcheck.web.tenancy import tenant_assets, tenant_report_options
from prepcheck.web.translate import _

blueprint = Blueprint("plan_pdf", __name__)


def plan_order(journey: Journey) -> PlanOrder:
    """Everything the plan of this finished journey shows (and so its cache key), with the tenant's files."""
    plan = report_request(
        journey.presenter,
        journey.view,
        journey.assessment,
        recheck_url=journey.recheck_link(),
        sources_url=services().site.sources_link(journey.context.locale, journey.questionnaire.id),
        **tenant_report_options(),
    )
    return PlanOrder(journey.questionnaire, plan, tenant_assets())


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


@blueprint.get("/<questionnaire_id>/<response_id>/action-plan.pdf")
def download(questionnaire_id: str, response_id: str) -> BaseResponse:
    """The plan for the stored answers on the path; while it is being made, the status page."""
    journey = finished_journey(questionnaire_id, response_id, Unfinished.NOT_FOUND)
    # Only exactly `retry=1` replaces a failed plan; any other value is a plain download.
    retry = request.args.get("retry") == "1"
    try:
        pdf = services().plans.pdf(plan_order(journey), retry=retry)
    except PlanUnavailable:
        raise not_made_now(journey) from None
    if pdf is None:
        return redirect(journey.url("plan_status.status"), code=303)
    return _pdf_response(journey, pdf)

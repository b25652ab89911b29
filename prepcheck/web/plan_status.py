"""The status page of a plan made in the background: being prepared (refreshes itself), failed (try again), or ready."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template
from werkzeug.wrappers import Response

from prepcheck.report.renderer import PlanState, PlanUnavailable
from prepcheck.services import services
from prepcheck.web.journey import Unfinished, finished_journey
from prepcheck.web.plan_pdf import not_made_now, plan_order

blueprint = Blueprint("plan_status", __name__)

REFRESH_SECONDS = 2


@blueprint.get("/<questionnaire_id>/<response_id>/action-plan")
def status(questionnaire_id: str, response_id: str) -> Response | tuple[str, int]:
    """How the plan stands: ready (the page starts the download), being prepared (refreshes itself) or failed."""
    journey = finished_journey(questionnaire_id, response_id, Unfinished.NOT_FOUND)
    pdf_url = journey.url("plan_pdf.download")
    try:
        state = services().plans.state(plan_order(journey))
    except PlanUnavailable:
        raise not_made_now(journey) from None
    if state is PlanState.MISSING:  # not asked for (in embedded mode: not in this process): the download asks
        return redirect(pdf_url, code=303)
    failed = state is PlanState.FAILED
    page = render_template(
        "plan_status.html",
        journey=journey,
        state=state.value,
        refresh_seconds=REFRESH_SECONDS,
        pdf_url=pdf_url,
        status_url=journey.url("plan_status.status"),
        retry_url=journey.url("plan_pdf.download", retry="1"),
        result_url=journey.url("result.result"),
    )
    return page, 503 if failed else 200

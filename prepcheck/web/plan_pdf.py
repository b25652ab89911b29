"""The action plan as a PDF download, in the reader's language; a failed render offers a retry."""

from __future__ import annotations

import re

from flask import Blueprint, Response, current_app

from prepcheck.report.service import PlanService
from prepcheck.report.workers import RenderError, RenderPool
from prepcheck.web.errors import ProblemPage
from prepcheck.web.journey import completed_journey
from prepcheck.web.recheck import journey_link
from prepcheck.web.tenancy import tenant_assets, tenant_report_options
from prepcheck.web.translate import _

blueprint = Blueprint("plan_pdf", __name__)


def plan_service() -> PlanService:
    """The app's plan service; its worker processes start on the first download, not with the app."""
    service = current_app.extensions.get("prepcheck.plans")
    if service is None:
        settings = current_app.config["PREPCHECK_SETTINGS"]
        service = PlanService(pool=RenderPool(size=settings.pdf_workers, timeout=settings.pdf_timeout_seconds))
        current_app.extensions["prepcheck.plans"] = service
    return service  # type: ignore[no-any-return]


def _filename(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "plan"
    return f"prepcheck-{slug}.pdf"


@blueprint.get("/<questionnaire_id>/<response_id>/action-plan.pdf")
def download(questionnaire_id: str, response_id: str) -> Response:
    """Render (or take from the cache) the plan for the stored answers on the path."""
    journey, assessment = completed_journey(questionnaire_id, response_id)
    service = plan_service()
    request = service.request_for(
        journey.questionnaire,
        assessment,
        journey.context.locale,
        resume_code=journey.resume_code,
        recheck_url=journey_link(journey, assessment),
        **tenant_report_options(),
    )
    try:
        pdf = service.pdf(journey.questionnaire, request, tenant_assets())
    except RenderError:
        raise ProblemPage(
            503,
            title=_("Your action plan could not be made just now"),
            message=_("Your answers are safe. Wait a moment and try again, or print this result page instead."),
            back=journey.url("result.result"),
            retry=journey.url("plan_pdf.download"),
        ) from None
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(journey.questionnaire.id)}"'
    response.headers["Cache-Control"] = "no-store"
    return response

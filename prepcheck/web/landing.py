"""The landing page: what the check is, how long it takes, what happens to the answers, and the checks."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from prepcheck.services import services
from prepcheck.views.present import AssessmentPresenter
from prepcheck.web.journey import locale, questionnaires, store
from prepcheck.web.security import FormBinding, form_token
from prepcheck.web.start import START_PAGE
from prepcheck.web.tenancy import tenant_offers

blueprint = Blueprint("landing", __name__)


@blueprint.get("/")
def index() -> str:
    """List the questionnaires on offer, each with its own start button."""
    checks = []
    for questionnaire in questionnaires().values():
        if not tenant_offers(questionnaire.id):
            continue
        presenter = AssessmentPresenter(questionnaire, locale())
        checks.append(
            {
                "id": questionnaire.id,
                "title": presenter.text("questionnaire", questionnaire.id, "title", questionnaire.title),
                "description": presenter.text("questionnaire", questionnaire.id, "description", questionnaire.description),
                "token": form_token(FormBinding("", f"{START_PAGE}:{questionnaire.id}", 0)),
            }
        )
    retention_days = current_app.config["PREPCHECK_SETTINGS"].retention_days
    return render_template("landing.html", checks=checks, retention_days=retention_days)


@blueprint.get("/healthz")
def health() -> tuple[str, int, dict[str, str]]:
    """A plain answer for load balancers and the set-up check."""
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8"}


@blueprint.get("/readyz")
def ready() -> tuple[dict[str, object], int, dict[str, str]]:
    """For load balancers: 200 when the database answers and accepts a write, Redis (when set) answers and
    questionnaires are loaded; else 503."""
    checks: dict[str, str] = {"database": store().readiness()}
    if checks["database"] != "ok":
        current_app.logger.warning("readiness check: the database is %s", checks["database"])
    for name, state in services().plans.readiness().items():
        if state != "ok":
            current_app.logger.warning("readiness check: %s does not answer", name)
        checks[name] = state
    checks["questionnaires"] = "ok" if len(questionnaires()) else "none loaded"
    ready = all(value == "ok" for value in checks.values())
    body: dict[str, object] = {"status": "ready" if ready else "not ready", "checks": checks}
    return body, 200 if ready else 503, {"Cache-Control": "no-store"}

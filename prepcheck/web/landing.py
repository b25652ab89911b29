"""The landing page: what the check is and which checks there are."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

blueprint = Blueprint("landing", __name__)


@blueprint.get("/")
def index() -> str:
    """List the questionnaires on offer."""
    registry = current_app.extensions["prepcheck.questionnaires"]
    return render_template("landing.html", questionnaires=list(registry.values()))


@blueprint.get("/healthz")
def health() -> tuple[str, int, dict[str, str]]:
    """A plain answer for load balancers and the set-up check."""
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8"}

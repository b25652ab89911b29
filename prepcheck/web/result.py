"""The result: overall and per-domain levels with a chart and the same figures as a table, reasons, the plan."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template
from werkzeug.wrappers import Response

from prepcheck.engine.assess import assess_path
from prepcheck.web.counting import count_first_result
from prepcheck.web.journey import load_journey
from prepcheck.web.recheck import changes_since_last_time, result_offer

blueprint = Blueprint("result", __name__)


@blueprint.get("/<questionnaire_id>/<response_id>/your-result")
def result(questionnaire_id: str, response_id: str) -> Response | str:
    """Assess the stored answers (only those on the path count) and show the outcome."""
    journey = load_journey(questionnaire_id, response_id)
    unanswered = journey.path.first_unanswered_page()
    if unanswered is not None:
        return redirect(journey.page_url(unanswered.page.id), code=303)
    assessment = assess_path(journey.questionnaire, journey.path, journey.context)
    count_first_result(journey, assessment)
    view = journey.presenter.present(assessment)
    levels = [level.id for level in journey.questionnaire.levels]
    return render_template(
        "result.html",
        journey=journey,
        view=view,
        level_rank=levels.index(view.level),
        level_count=len(levels),
        back_url=journey.url("summary.check_answers"),
        changes=changes_since_last_time(journey, assessment),
        recheck=result_offer(journey, assessment),
    )

"""The result: a verdict and the steps to start with, the plan by when, then the levels per domain and the reasons."""

from __future__ import annotations

from flask import Blueprint, render_template

from prepcheck.views.result_page import present_result_page
from prepcheck.web.counting import count_first_result
from prepcheck.web.journey import Unfinished, finished_journey
from prepcheck.web.recheck import changes_since_last_time, result_offer

blueprint = Blueprint("result", __name__)


@blueprint.get("/<questionnaire_id>/<response_id>/your-result")
def result(questionnaire_id: str, response_id: str) -> str:
    """Assess the stored answers (only those on the path count) and show the outcome."""
    journey = finished_journey(questionnaire_id, response_id, Unfinished.REDIRECT)
    count_first_result(journey)
    view = journey.view
    levels = [level.id for level in journey.questionnaire.levels]
    return render_template(
        "result.html",
        journey=journey,
        view=view,
        result_page=present_result_page(view, journey.questionnaire, journey.presenter.translator),
        level_rank=levels.index(view.level),
        level_count=len(levels),
        back_url=journey.url("summary.check_answers"),
        changes=changes_since_last_time(journey),
        recheck=result_offer(journey),
    )

"""The public list of a questionnaire's sources (title, publisher, link): the one page the printed plan links to.

Its address is `SiteAddress.sources_link` (prepcheck.services), so the PDF, the API's PDF and the CLI agree on it.
"""

from __future__ import annotations

from flask import Blueprint, render_template, url_for

from prepcheck.views.present import AssessmentPresenter
from prepcheck.web.journey import locale, questionnaire_or_404

blueprint = Blueprint("sources", __name__)


@blueprint.get("/<questionnaire_id>/sources")
def sources(questionnaire_id: str) -> str:
    """Every source of the questionnaire, in the reader's language, in the order the questionnaire lists them."""
    questionnaire = questionnaire_or_404(questionnaire_id)
    presenter = AssessmentPresenter(questionnaire, locale())
    return render_template(
        "sources.html",
        questionnaire_title=presenter.text("questionnaire", questionnaire.id, "title", questionnaire.title),
        sources=[presenter.source(source.id) for source in questionnaire.sources],
        back_url=url_for("landing.index"),
    )

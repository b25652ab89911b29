"""The plan service: assessment in, PDF bytes out, through the cache and (optionally) the worker pool."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from prepcheck.engine import Assessment, Questionnaire
from prepcheck.report.cache import PdfCache, cache_key
from prepcheck.report.html import Branding, ReportRequest, render_report_html
from prepcheck.report.local_info import local_radio
from prepcheck.report.shopping import shopping_list
from prepcheck.report.workers import RenderPool
from prepcheck.views.model import LocalInfoView, MunicipalityView, ResultView
from prepcheck.views.present import AssessmentPresenter


def report_request(
    presenter: AssessmentPresenter,
    view: ResultView,
    assessment: Assessment,
    *,
    created: dt.date | None = None,
    branding: Branding | None = None,
    radio: str | None = None,
    recheck_url: str | None = None,
    sources_url: str | None = None,
    local: MunicipalityView | None = None,
) -> ReportRequest:
    """Everything the plan will show, from the assessment as already presented (`view`) in the reader's language."""
    return ReportRequest(
        view=view,
        locale=presenter.locale,
        created=created or dt.date.today(),
        branding=branding,
        recheck_url=recheck_url,
        sources_url=sources_url,
        shopping=shopping_list(view, assessment),
        card=presenter.plan_card(assessment),
        local=LocalInfoView(radio=radio or local_radio(assessment.answers), municipality=local),
    )


class PlanService:
    """Makes action-plan PDFs; renders in worker processes when given a pool, in this process otherwise."""

    def __init__(self, pool: RenderPool | None = None, cache: PdfCache | None = None) -> None:
        self.pool = pool
        self.cache = cache if cache is not None else PdfCache()

    def request_for(
        self,
        questionnaire: Questionnaire,
        assessment: Assessment,
        locale: str,
        *,
        created: dt.date | None = None,
        branding: Branding | None = None,
        radio: str | None = None,
        recheck_url: str | None = None,
        sources_url: str | None = None,
        local: MunicipalityView | None = None,
    ) -> ReportRequest:
        """Everything the plan will show, ready to hash and render."""
        presenter = AssessmentPresenter(questionnaire, locale)
        return report_request(
            presenter,
            presenter.present(assessment),
            assessment,
            created=created,
            branding=branding,
            radio=radio,
            recheck_url=recheck_url,
            sources_url=sources_url,
            local=local,
        )

    def pdf(self, questionnaire: Questionnaire, request: ReportRequest, extra_assets: dict[str, Path] | None = None) -> bytes:
        """The PDF for this request: from the cache when it was made before."""
        key = cache_key(request)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        html = render_report_html(request, questionnaire)
        if self.pool is not None:
            pdf = self.pool.render(html, extra_assets)
        else:
            from prepcheck.report.pdf import html_to_pdf  # WeasyPrint only where a plan is rendered

            pdf = html_to_pdf(html, extra_assets)
        self.cache.put(key, pdf)
        return pdf

"""Builds the action plan's HTML from the result view, in the reader's language (no Flask needed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, select_autoescape

from prepcheck.engine import Questionnaire
from prepcheck.engine.model import CostBand
from prepcheck.i18n.catalog import translator_for
from prepcheck.report.chart import chart_description, domain_chart_svg
from prepcheck.report.qr import qr_png_data_url
from prepcheck.resources import bundled_dir
from prepcheck.views.model import ActionView, LocalInfoView, ResultView

TEMPLATE_VERSION = "2"
"""Raise when the report templates or styles change, so cached PDFs are not reused."""
REDO_AFTER_MONTHS = 6
SUMMARY_ACTIONS = 5
# Babel's Papiamentu data has month names, so dates use the reader's own locale.
_DATE_LOCALES = {"nl": "nl", "en": "en_GB", "pap": "pap", "fy": "fy"}


@dataclass(frozen=True, slots=True)
class Branding:
    """A municipality's name and logo (an asset key the fetcher serves) on the cover."""

    name: str
    logo_asset: str | None = None


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """Everything a plan shows; its hash names the cached PDF."""

    view: ResultView
    locale: str
    created: dt.date
    resume_code: str | None = None
    branding: Branding | None = None
    recheck_url: str | None = None
    """The re-check link (answers in its #fragment), printed with its QR code; None leaves both out."""
    local: LocalInfoView = field(default_factory=LocalInfoView)
    """The emergency radio line, and a municipality's local information (printed on its own page)."""


@lru_cache(maxsize=8)
def _environment(locale: str) -> Environment:
    translator = translator_for(locale)
    environment = Environment(
        loader=FileSystemLoader(str(bundled_dir("templates") / "report")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        translator.gettext, lambda s, p, n: translator.gettext(s if n == 1 else p), newstyle=True
    )
    return environment


def _months_later(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, 28))


def _by_owner(actions: tuple[ActionView, ...]) -> list[tuple[str, list[ActionView]]]:
    groups: dict[str, list[ActionView]] = {}
    for action in actions:
        groups.setdefault(action.owner_title or "", []).append(action)
    return list(groups.items())


def report_context(request: ReportRequest, questionnaire: Questionnaire) -> dict[str, Any]:
    """The template's variables: the view plus the parts each audience's plan needs."""
    view = request.view
    _ = translator_for(request.locale).gettext
    date_locale = _DATE_LOCALES.get(request.locale, "nl")
    plan_actions = [action for action in view.actions if action.section != "rules"]
    heading = _("How prepared you are, per topic")
    return {
        "view": view,
        "lang": request.locale,
        "audience": questionnaire.audience.value,
        "created": format_date(request.created, format="long", locale=date_locale),
        "redo_on": format_date(_months_later(request.created, REDO_AFTER_MONTHS), format="long", locale=date_locale),
        "resume_code": request.resume_code,
        "recheck_url": request.recheck_url,
        "recheck_qr": qr_png_data_url(request.recheck_url) if request.recheck_url else None,
        "branding": request.branding,
        "radio": request.local.radio,
        "local": request.local.municipality,
        "chart": domain_chart_svg(view.domains, [level.id for level in questionnaire.levels], heading),
        "chart_text": chart_description([d for d in view.domains if d.applies], heading),
        "chart_heading": heading,
        "summary_actions": view.actions[:SUMMARY_ACTIONS],
        "plan_actions": plan_actions,
        "rule_actions": [action for action in view.actions if action.section == "rules"],
        "shopping_list": [action for action in plan_actions if action.cost not in (None, CostBand.FREE)],
        "owners": _by_owner(view.actions),
    }


def render_report_html(request: ReportRequest, questionnaire: Questionnaire) -> str:
    """The complete HTML document that WeasyPrint turns into the PDF."""
    template = _environment(request.locale).get_template("plan.html")
    return template.render(report_context(request, questionnaire))

"""Builds the action plan's HTML from the result view, in the reader's language (no Flask needed)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, select_autoescape

from prepcheck.engine import Questionnaire
from prepcheck.i18n.catalog import translator_for
from prepcheck.report.chart import chart_rows
from prepcheck.report.qr import qr_png_data_url
from prepcheck.report.shopping import ShoppingItem
from prepcheck.resources import bundled_dir
from prepcheck.views.model import ActionView, LocalInfoView, PlanCardView, ResultView, SourceView
from prepcheck.views.result_page import FIRST_STEPS_HEADINGS, first_steps, step_sentence

TEMPLATE_VERSION = "6"
"""Raise when the report templates or styles change, so cached PDFs are not reused."""
REDO_AFTER_MONTHS = 6
# A sentence ends at . ! or ? followed by a space and a capital, digit or opening quote ("denkvooruit.nl/radio" does not).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Þ“\"'(])")
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
    branding: Branding | None = None
    recheck_url: str | None = None
    """The re-check link (answers in its #fragment), printed as its QR code and a short link; None leaves both out."""
    sources_url: str | None = None
    """The public page that lists the questionnaire's sources in full; None prints the publishers only."""
    shopping: tuple[ShoppingItem, ...] = ()
    """The household's shopping list, with the amounts still missing."""
    card: PlanCardView | None = None
    """The fill-in emergency plan, worded for this household; None prints none."""
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


def first_sentence(text: str) -> str:
    """The first sentence of an action's text: how to start on one of the household plan's first steps."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def short_publisher(source: SourceView) -> str:
    """'Denk vooruit' of 'Denk vooruit (NCTV)', 'Blik op nieuws' of 'Blik op nieuws, on a Red Cross survey (July 2018)'."""
    return source.publisher.split(" (")[0].split(", ")[0].strip()


def _publishers(sources: tuple[SourceView, ...]) -> list[str]:
    names = [short_publisher(source) for source in sources]
    return sorted({name for name in names if name}, key=str.casefold)


def _action_publishers(sources: tuple[SourceView, ...]) -> Callable[[ActionView], list[str]]:
    by_id = {source.id: short_publisher(source) for source in sources}
    return lambda action: list(dict.fromkeys(by_id[s] for s in action.sources if by_id.get(s)))


def _short_link(url: str) -> str:
    """The link as a reader can type it: no scheme, no #fragment (the answers in it are for the QR code and the click)."""
    return url.split("#", 1)[0].removeprefix("https://").removeprefix("http://")


def report_context(request: ReportRequest, questionnaire: Questionnaire) -> dict[str, Any]:
    """The template's variables: the view plus the parts each audience's plan needs."""
    view = request.view
    translator = translator_for(request.locale)
    _ = translator.gettext
    steps = first_steps(view)
    date_locale = _DATE_LOCALES.get(request.locale, "nl")
    plan_actions = [action for action in view.actions if action.section != "rules"]
    return {
        "view": view,
        "lang": request.locale,
        "audience": questionnaire.audience.value,
        "created": format_date(request.created, format="long", locale=date_locale),
        "created_iso": request.created.isoformat(),
        "redo_on": format_date(_months_later(request.created, REDO_AFTER_MONTHS), format="long", locale=date_locale),
        "recheck_url": request.recheck_url,
        "recheck_short": _short_link(request.recheck_url) if request.recheck_url else None,
        "recheck_qr": qr_png_data_url(request.recheck_url) if request.recheck_url else None,
        "sources_url": request.sources_url,
        "sources_short": _short_link(request.sources_url) if request.sources_url else None,
        "publishers": _publishers(view.sources),
        "action_publishers": _action_publishers(view.sources),
        "branding": request.branding,
        "radio": request.local.radio,
        "local": request.local.municipality,
        "chart": chart_rows(view.domains, [level.id for level in questionnaire.levels]),
        "chart_heading": _("How prepared you are, per topic"),
        # The result page's "start with these" (views.result_page), each with the first sentence of how to do it.
        "first_steps_heading": _(FIRST_STEPS_HEADINGS[len(steps)]) if steps else "",
        "first_steps": [(action, step_sentence(action, translator), first_sentence(action.text)) for action in steps],
        "plan_actions": plan_actions,
        "rule_actions": [action for action in view.actions if action.section == "rules"],
        "shopping_list": request.shopping,
        "card": request.card,
        "owners": _by_owner(view.actions),
    }


def render_report_html(request: ReportRequest, questionnaire: Questionnaire) -> str:
    """The complete HTML document that WeasyPrint turns into the PDF."""
    template = _environment(request.locale).get_template("plan.html")
    return template.render(report_context(request, questionnaire))

"""The result as plain text for the terminal (`prepcheck assess`)."""

from __future__ import annotations

from prepcheck.i18n.catalog import Translator
from prepcheck.views.model import ResultView


def render_text(view: ResultView, translator: Translator) -> str:
    """A plain-text report for the terminal."""
    _ = translator.gettext
    # Labels are looked up outside the f-strings so that the extractor can find them.
    overall, urgent = _("Overall"), _("urgent")
    lines = [view.questionnaire.title, "", f"{overall}: {view.level_title} ({view.score}/100)", ""]
    for domain in view.domains:
        if not domain.applies:
            continue
        lines.append(f"- {domain.title}: {domain.level_title} ({domain.score}/100)")
        for lost in domain.lost:
            lines.append(f"    {lost.question_text} — {lost.answer} (−{lost.points_lost:g})")
    lines += ["", _("Your action plan") + ":"]
    for number, action in enumerate(view.actions, start=1):
        flag = f" [{urgent}]" if action.critical else ""
        lines.append(f"{number}. {action.title}{flag} — {action.timeframe_label}")
        lines.append(f"   {action.text}")
        for quantity in action.quantities:
            lines.append(f"   {quantity.label}: {quantity.formatted}")
    if view.sources:
        lines += ["", _("Sources") + ":"]
        lines += [f"[{source.id}] {source.title} — {source.url}" for source in view.sources]
    return "\n".join(lines) + "\n"

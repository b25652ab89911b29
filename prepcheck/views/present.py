"""Turns an Assessment into plain data with texts in the reader's language, for text, JSON, pages and PDF."""

from __future__ import annotations

from typing import Any

from prepcheck.engine import Assessment, Questionnaire
from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question, QuestionType
from prepcheck.engine.texts import text_context
from prepcheck.i18n.catalog import Translator, translator_for
from prepcheck.i18n.formatting import CURRENCY_CODES, format_amount, format_number


def N_(message: str) -> str:
    """Marks a string for extraction into the catalog; it is translated where it is shown."""
    return message


YES_NO_LABELS = {"yes": N_("Yes"), "no": N_("No"), "dont_know": N_("I don't know")}
TIMEFRAME_LABELS = {
    "today": N_("Today"),
    "this_week": N_("This week"),
    "this_month": N_("This month"),
    "this_year": N_("This year"),
}
COST_LABELS = {
    "household": {"free": N_("Free"), "low": N_("Under €20"), "medium": N_("€20 to €100"), "high": N_("More than €100")},
    "business": {
        "free": N_("Free"),
        "low": N_("Under €1,000"),
        "medium": N_("€1,000 to €10,000"),
        "high": N_("More than €10,000"),
    },
}


class AssessmentPresenter:
    """Looks up every text of one questionnaire in one language."""

    def __init__(self, questionnaire: Questionnaire, locale: str) -> None:
        self.questionnaire = questionnaire
        self.translator: Translator = translator_for(locale)
        self.locale = locale

    def text(self, kind: str, item_id: str, field: str, source: str) -> str:
        if not source:
            return ""
        return self.translator.pgettext(text_context(self.questionnaire.id, kind, item_id, field), source)

    def ui(self, message: str) -> str:
        return self.translator.gettext(message)

    def answer_label(self, question: Question, answer: Any) -> str:
        """The answer as the user chose it, in words."""
        if answer == NOT_APPLICABLE_VALUE:
            return self.ui("Not applicable")
        if question.type is QuestionType.YES_NO:
            return self.ui(YES_NO_LABELS[answer])
        if question.type in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE):
            values = answer if isinstance(answer, list) else [answer]
            labels = []
            for value in values:
                option = question.option(value)
                if option is not None:
                    labels.append(self.text("option", f"{question.id}.{value}", "label", option.label))
            return ", ".join(labels)
        if question.type is QuestionType.NUMBER:
            unit = self.text("question", question.id, "unit", question.unit)
            return format_amount(answer, "", self.locale, unit)
        return str(answer)

    def quantity(self, quantity_id: str, value: float, unit: str) -> dict[str, Any]:
        quantity = self.questionnaire.quantities_by_id[quantity_id]
        unit_label = unit if unit in CURRENCY_CODES else self.text("quantity", quantity_id, "unit", unit)
        return {
            "id": quantity_id,
            "label": self.text("quantity", quantity_id, "label", quantity.label),
            "value": value,
            "unit": unit,
            "formatted": format_amount(value, unit, self.locale, unit_label),
        }

    def present(self, assessment: Assessment) -> dict[str, Any]:
        """Everything a reader sees, as plain JSON-ready data."""
        q = self.questionnaire
        levels = {level.id: self.text("level", level.id, "title", level.title) for level in q.levels}
        domains = []
        for result in assessment.domains:
            domain = q.domains_by_id[result.domain_id]
            domains.append(
                {
                    "id": domain.id,
                    "title": self.text("domain", domain.id, "title", domain.title),
                    "applies": result.applies,
                    "score": result.score,
                    "level": result.level_id,
                    "level_title": levels[result.level_id],
                    "capped_by": [cap.question_id for cap in result.caps],
                    "held_below": result.failed_gate,
                    "lost": [
                        {
                            "question": lost.question_id,
                            "question_text": self.text(
                                "question", lost.question_id, "text", q.questions_by_id[lost.question_id].text
                            ),
                            "answer": self.answer_label(
                                q.questions_by_id[lost.question_id], assessment.answers[lost.question_id]
                            ),
                            "points_lost": lost.points_lost,
                            "points_lost_formatted": format_number(lost.points_lost, self.locale),
                        }
                        for lost in result.lost
                    ],
                }
            )
        audience = q.audience.value
        actions = []
        for planned in assessment.actions:
            action = q.actions_by_id[planned.action_id]
            actions.append(
                {
                    "id": action.id,
                    "critical": planned.critical,
                    "title": self.text("action", action.id, "title", action.title),
                    "text": self.text("action", action.id, "text", action.text),
                    "why": self.text("action", action.id, "why", action.why),
                    "timeframe": action.timeframe.value,
                    "timeframe_label": self.ui(TIMEFRAME_LABELS[action.timeframe.value]),
                    "impact": action.impact,
                    "effort": action.effort,
                    "cost": action.cost.value if action.cost else None,
                    "cost_label": self.ui(COST_LABELS[audience][action.cost.value]) if action.cost else None,
                    "owner": action.owner,
                    "owner_title": self.role_title(action.owner),
                    "domain": action.domain,
                    "section": action.section,
                    "triggered_by": list(planned.triggered_by),
                    "quantities": [self.quantity(v.quantity_id, v.value, v.unit) for v in planned.quantities],
                    "sources": list(action.sources),
                }
            )
        return {
            "questionnaire": {"id": q.id, "version": q.version, "title": self.text("questionnaire", q.id, "title", q.title)},
            "locale": self.locale,
            "score": assessment.score,
            "level": assessment.level_id,
            "level_title": levels[assessment.level_id],
            "domains": domains,
            "actions": actions,
            "quantities": [self.quantity(v.quantity_id, v.value, v.unit) for v in assessment.quantities],
            "sources": [
                {
                    "id": source_id,
                    "title": self.text("source", source_id, "title", q.sources_by_id[source_id].title),
                    "url": q.sources_by_id[source_id].url,
                    "publisher": q.sources_by_id[source_id].publisher,
                }
                for source_id in assessment.sources
            ],
        }

    def role_title(self, role_id: str | None) -> str | None:
        if role_id is None:
            return None
        role = next(role for role in self.questionnaire.roles if role.id == role_id)
        return self.text("role", role.id, "title", role.title)


def render_text(view: dict[str, Any], translator: Translator) -> str:
    """A plain-text report for the terminal."""
    _ = translator.gettext
    # Labels are looked up outside the f-strings so that the extractor can find them.
    overall, urgent = _("Overall"), _("urgent")
    lines = [view["questionnaire"]["title"], "", f"{overall}: {view['level_title']} ({view['score']}/100)", ""]
    for domain in view["domains"]:
        if not domain["applies"]:
            continue
        lines.append(f"- {domain['title']}: {domain['level_title']} ({domain['score']}/100)")
        for lost in domain["lost"]:
            lines.append(f"    {lost['question_text']} — {lost['answer']} (−{lost['points_lost']:g})")
    lines += ["", _("Your action plan") + ":"]
    for number, action in enumerate(view["actions"], start=1):
        flag = f" [{urgent}]" if action["critical"] else ""
        lines.append(f"{number}. {action['title']}{flag} — {action['timeframe_label']}")
        lines.append(f"   {action['text']}")
        for quantity in action["quantities"]:
            lines.append(f"   {quantity['label']}: {quantity['formatted']}")
    if view["sources"]:
        lines += ["", _("Sources") + ":"]
        lines += [f"[{source['id']}] {source['title']} — {source['url']}" for source in view["sources"]]
    return "\n".join(lines) + "\n"

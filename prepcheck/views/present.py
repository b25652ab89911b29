"""Turns an Assessment into its views (prepcheck.views.model) with texts in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_args

from prepcheck.engine import Assessment, Questionnaire
from prepcheck.engine.answer_types import label_answer
from prepcheck.engine.model import Question
from prepcheck.engine.plan import PlannedAction
from prepcheck.engine.recheck_code import Change, Comparison
from prepcheck.engine.scoring import DomainResult, LostPoints
from prepcheck.engine.texts import text_context
from prepcheck.engine.variants import ChosenVariants, HoldingVariants
from prepcheck.i18n.catalog import Translator, translator_for
from prepcheck.i18n.formatting import CURRENCY_CODES, format_amount, format_number, keep_money_together
from prepcheck.i18n.wording import CatalogWording
from prepcheck.views.cost_bands import cost_label, money_of
from prepcheck.views.model import (
    ActionView,
    ChangeView,
    ComparisonView,
    Direction,
    DomainResultView,
    LostPointsView,
    PlanCardView,
    QuantityView,
    QuestionnaireTitleView,
    ResultView,
    SourceView,
)


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


class AssessmentPresenter:
    """Looks up every text of one questionnaire in one language."""

    def __init__(self, questionnaire: Questionnaire, locale: str) -> None:
        self.questionnaire = questionnaire
        self.translator: Translator = translator_for(locale)
        self.locale = locale

    def text(self, kind: str, item_id: str, field: str, source: str, variants: HoldingVariants | None = None) -> str:
        """A questionnaire text in the reader's language (a holding variant's, where one gives this text), its
        amounts of money kept on one line."""
        variant = variants.giving(field) if variants is not None else None
        if variant is not None:
            context = text_context(self.questionnaire.id, kind, item_id, field, variant.id)
            return keep_money_together(self.translator.pgettext(context, variant.text(field) or source))
        if not source:
            return ""
        return keep_money_together(self.translator.pgettext(text_context(self.questionnaire.id, kind, item_id, field), source))

    def ui(self, message: str) -> str:
        return self.translator.gettext(message)

    def answer_label(self, question: Question, answer: Any) -> str:
        """The answer as the user chose it, in words."""
        return label_answer(question, answer, CatalogWording(self))

    def quantity(self, quantity_id: str, value: float, unit: str) -> QuantityView:
        quantity = self.questionnaire.quantities_by_id[quantity_id]
        unit_label = unit if unit in CURRENCY_CODES else self.text("quantity", quantity_id, "unit", unit)
        return QuantityView(
            id=quantity_id,
            label=self.text("quantity", quantity_id, "label", quantity.label),
            value=value,
            unit=unit,
            formatted=format_amount(value, unit, self.locale, unit_label),
        )

    def present(self, assessment: Assessment) -> ResultView:
        """Everything a reader sees, in the reader's language."""
        q = self.questionnaire
        levels = {level.id: self.text("level", level.id, "title", level.title) for level in q.levels}
        # Cost bands are given in the household's own money: the currency its cash amount is given in.
        money = money_of(value.unit for value in assessment.quantities)
        return ResultView(
            questionnaire=QuestionnaireTitleView(q.id, q.version, self.text("questionnaire", q.id, "title", q.title)),
            locale=self.locale,
            score=assessment.score,
            level=assessment.level_id,
            level_title=levels[assessment.level_id],
            domains=tuple(self.domain(result, assessment, levels) for result in assessment.domains),
            actions=tuple(self.action(planned, assessment.variants, money) for planned in assessment.actions),
            quantities=tuple(self.quantity(v.quantity_id, v.value, v.unit) for v in assessment.quantities),
            sources=tuple(self.source(source_id) for source_id in assessment.sources),
        )

    def domain(self, result: DomainResult, assessment: Assessment, level_titles: Mapping[str, str]) -> DomainResultView:
        domain = self.questionnaire.domains_by_id[result.domain_id]
        return DomainResultView(
            id=domain.id,
            title=self.text("domain", domain.id, "title", domain.title),
            applies=result.applies,
            score=result.score,
            level=result.level_id,
            level_title=level_titles[result.level_id],
            capped_by=tuple(cap.question_id for cap in result.caps),
            held_below=result.failed_gate,
            lost=tuple(self.lost_points(lost, assessment) for lost in result.lost),
        )

    def lost_points(self, lost: LostPoints, assessment: Assessment) -> LostPointsView:
        question = self.questionnaire.questions_by_id[lost.question_id]
        return LostPointsView(
            question=lost.question_id,
            question_text=self.text(
                "question", lost.question_id, "text", question.text, assessment.variants.question(question.id)
            ),
            answer=self.answer_label(question, assessment.answers[lost.question_id]),
            points_lost=lost.points_lost,
            points_lost_formatted=format_number(lost.points_lost, self.locale),
        )

    def action(self, planned: PlannedAction, variants: ChosenVariants, money: str = "EUR") -> ActionView:
        action = self.questionnaire.actions_by_id[planned.action_id]
        held = variants.action(action.id)
        audience = self.questionnaire.audience.value
        return ActionView(
            id=action.id,
            critical=planned.critical,
            title=self.text("action", action.id, "title", action.title, held),
            text=self.text("action", action.id, "text", action.text, held),
            why=self.text("action", action.id, "why", action.why, held),
            timeframe=action.timeframe,
            timeframe_label=self.ui(TIMEFRAME_LABELS[action.timeframe.value]),
            impact=action.impact,
            effort=action.effort,
            cost=action.cost,
            cost_label=cost_label(action.cost, audience, money, self.translator, self.locale) if action.cost else None,
            owner=action.owner,
            owner_title=self.role_title(action.owner),
            domain=action.domain,
            section=action.section,
            triggered_by=tuple(planned.triggered_by),
            quantities=tuple(self.quantity(v.quantity_id, v.value, v.unit) for v in planned.quantities),
            sources=variants.action_sources(action),
        )

    def plan_card(self, assessment: Assessment) -> PlanCardView | None:
        """The fill-in plan worded for these answers, or None when the questionnaire has none."""
        card, chosen = self.questionnaire.plan_card, assessment.plan_card
        if card is None or chosen is None:
            return None
        shown = set(chosen.row_ids)
        return PlanCardView(
            title=self.text("plan_card", "card", "title", card.title, chosen.variants),
            intro=self.text("plan_card", "card", "intro", card.intro, chosen.variants),
            rows=tuple(self.text("plan_card_row", row.id, "text", row.text) for row in card.rows if row.id in shown),
        )

    def source(self, source_id: str) -> SourceView:
        source = self.questionnaire.sources_by_id[source_id]
        return SourceView(source.id, self.text("source", source.id, "title", source.title), source.url, source.publisher)

    def role_title(self, role_id: str | None) -> str | None:
        if role_id is None:
            return None
        role = next(role for role in self.questionnaire.roles if role.id == role_id)
        return self.text("role", role.id, "title", role.title)


_DIRECTIONS: dict[str, Direction] = {direction: direction for direction in get_args(Direction)}


def present_comparison(comparison: Comparison) -> ComparisonView:
    """What changed since last time, as the API shows it (ids and numbers: it needs no language)."""
    return ComparisonView(_change(comparison.overall), tuple(_change(change) for change in comparison.domains))


def _change(change: Change) -> ChangeView:
    return ChangeView(
        domain=change.domain_id,
        score_before=change.score_before,
        score_after=change.score_after,
        score_change=change.score_change,
        level_before=change.level_before,
        level_after=change.level_after,
        direction=_DIRECTIONS[change.direction],
    )

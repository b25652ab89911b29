"""The household's shopping list: what each step to buy still needs, from the plan's quantities minus what it has."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from prepcheck.engine import Assessment
from prepcheck.engine.model import CostBand
from prepcheck.engine.texts import text_context
from prepcheck.i18n.catalog import translator_for
from prepcheck.i18n.formatting import CURRENCY_CODES, format_amount
from prepcheck.views.model import ActionView, QuantityView, ResultView


@dataclass(frozen=True, slots=True)
class Holding:
    """The answer that says how much of a needed quantity a household has, in the quantity's unit."""

    answer_by_unit: Mapping[str, str]
    """The answer to read, by the quantity's unit ("*" for any unit): cash is asked per currency."""
    per: str | None = None
    """A quantity the answer is multiplied by: food is asked in days, needed in person-days."""


ANY_UNIT = "*"
HOLDINGS: Mapping[str, Holding] = {
    "water_needed": Holding({ANY_UNIT: "water_litres"}),
    "food_person_days": Holding({ANY_UNIT: "food_days"}, per="persons"),
    "medicine_days_needed": Holding({ANY_UNIT: "medicine_stock_days"}),
    "cash_needed": Holding({"EUR": "cash_eur", "AWG": "cash_awg", "XCG": "cash_xcg", "USD": "cash_usd"}),
}
"""Needed quantity id -> what the household said it has (household.yaml asks both for these four)."""


@dataclass(frozen=True, slots=True)
class ShoppingItem:
    """One line of the shopping list: the step, and how much is still missing or, failing that, how much is needed."""

    action_id: str
    title: str
    cost_label: str | None
    to_add: QuantityView | None = None
    need: QuantityView | None = None


def _number(answers: Mapping[str, Any], question_id: str) -> float | None:
    value = answers.get(question_id)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _held(quantity: QuantityView, answers: Mapping[str, Any], values: Mapping[str, float]) -> float | None:
    holding = HOLDINGS.get(quantity.id)
    if holding is None:
        return None
    question_id = holding.answer_by_unit.get(quantity.unit) or holding.answer_by_unit.get(ANY_UNIT)
    held = _number(answers, question_id) if question_id else None
    if held is None or holding.per is None:
        return held
    factor = values.get(holding.per)
    return held * factor if factor is not None else None


def _amount(view: ResultView, quantity: QuantityView, value: float) -> QuantityView:
    """The quantity at another value, written out as the presenter writes it (the unit in the reader's language)."""
    unit_label = quantity.unit
    if quantity.unit not in CURRENCY_CODES:
        context = text_context(view.questionnaire.id, "quantity", quantity.id, "unit")
        unit_label = translator_for(view.locale).pgettext(context, quantity.unit)
    return replace(quantity, value=value, formatted=format_amount(value, quantity.unit, view.locale, unit_label))


def _item(view: ResultView, action: ActionView, answers: Mapping[str, Any], values: Mapping[str, float]) -> ShoppingItem:
    for quantity in action.quantities:
        held = _held(quantity, answers, values)
        if held is not None and quantity.value > held:
            missing = _amount(view, quantity, math.ceil(quantity.value - held))
            return ShoppingItem(action.id, action.title, action.cost_label, to_add=missing)
    need = action.quantities[0] if action.quantities else None
    return ShoppingItem(action.id, action.title, action.cost_label, need=need)


def shopping_list(view: ResultView, assessment: Assessment) -> tuple[ShoppingItem, ...]:
    """Every step of the plan that costs money, in plan order, with the amount still to get where one is known."""
    values = {value.quantity_id: value.value for value in assessment.quantities}
    return tuple(
        _item(view, action, assessment.answers, values)
        for action in view.actions
        if action.section != "rules" and action.cost not in (None, CostBand.FREE)
    )

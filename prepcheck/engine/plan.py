"""Computed quantities and the prioritised action plan."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from prepcheck.engine.model import Quantity, Questionnaire


class QuantityValue(NamedTuple):
    """A quantity computed for these answers."""

    quantity_id: str
    value: float
    unit: str


class PlannedAction(NamedTuple):
    """An action that applies, why it was chosen, and the amounts it needs."""

    action_id: str
    critical: bool
    triggered_by: tuple[str, ...]
    quantities: tuple[QuantityValue, ...]


def _rounded(quantity: Quantity, value: float) -> float:
    if quantity.rounding == "up":
        return float(math.ceil(value - 1e-9))
    if quantity.rounding == "nearest":
        return float(round(value))
    return round(value, 2)


def compute_quantity(quantity: Quantity, env: Mapping[str, Any]) -> QuantityValue | None:
    """Evaluate the first case that holds (or the default formula); None when an input is missing."""
    formula, unit = quantity.formula, quantity.unit
    for case in quantity.cases:
        if case.rule.holds(env):
            formula, unit = case.formula, case.unit
            break
    value = formula.value(env)
    if value is None or value < 0:
        return None
    return QuantityValue(quantity_id=quantity.id, value=_rounded(quantity, value), unit=unit)


def compute_quantities(questionnaire: Questionnaire, env: dict[str, Any]) -> dict[str, QuantityValue]:
    """Compute quantities in file order; each one is added to `env` so later ones and rules can use it."""
    computed: dict[str, QuantityValue] = {}
    for quantity in questionnaire.quantities:
        result = compute_quantity(quantity, env)
        env[quantity.id] = result.value if result is not None else None
        if result is not None:
            computed[quantity.id] = result
    return computed


def select_actions(
    questionnaire: Questionnaire,
    env: Mapping[str, Any],
    answers: Mapping[str, Any],
    quantities: Mapping[str, QuantityValue],
) -> tuple[PlannedAction, ...]:
    """The actions whose rules hold, in the plan's order (`model.priority_key`, fixed at load)."""
    chosen: list[PlannedAction] = []
    for _, action in questionnaire.actions_in_priority_order:
        if action.rule.evaluate(env) is not True:
            continue
        chosen.append(
            PlannedAction(
                action_id=action.id,
                critical=action.critical,
                triggered_by=tuple(name for name in action.question_names if name in answers),
                quantities=tuple(quantities[q] for q in action.quantities if q in quantities),
            )
        )
    return tuple(chosen)

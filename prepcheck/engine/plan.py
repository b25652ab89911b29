"""Computed quantities and the prioritised action plan."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from prepcheck.engine.model import Action, Quantity, Questionnaire


@dataclass(frozen=True, slots=True)
class QuantityValue:
    """A quantity computed for these answers."""

    quantity_id: str
    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class PlannedAction:
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


def priority_key(action: Action, index: int) -> tuple[int, float, int]:
    """Critical first, then the most impact per unit of effort, then file order (so ties are stable)."""
    return (0 if action.critical else 1, -action.impact / action.effort, index)


def select_actions(
    questionnaire: Questionnaire,
    env: Mapping[str, Any],
    answers: Mapping[str, Any],
    quantities: Mapping[str, QuantityValue],
) -> tuple[PlannedAction, ...]:
    """The actions whose rules hold, in priority order."""
    chosen: list[tuple[tuple[int, float, int], PlannedAction]] = []
    question_ids = questionnaire.questions_by_id
    for index, action in enumerate(questionnaire.actions):
        if not action.rule.holds(env):
            continue
        triggered_by = tuple(sorted(name for name in action.rule.names if name in question_ids and name in answers))
        planned = PlannedAction(
            action_id=action.id,
            critical=action.critical,
            triggered_by=triggered_by,
            quantities=tuple(quantities[q] for q in action.quantities if q in quantities),
        )
        chosen.append((priority_key(action, index), planned))
    chosen.sort(key=lambda pair: pair[0])
    return tuple(planned for _, planned in chosen)

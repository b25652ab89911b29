"""The fill-in emergency plan: read from the questionnaire file, and which of its texts and lines some answers show."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prepcheck.engine.answer_types.base import Reporter
from prepcheck.engine.model import PlanCard, PlanCardRow
from prepcheck.engine.variants import HoldingVariants, RuleParser, holding, read_variants

KeyPath = Sequence[str | int]


def read_plan_card(raw: Mapping[str, Any] | None, parse: RuleParser, reporter: Reporter) -> PlanCard | None:
    """The `plan_card` section, or None when the file has none; every problem reported with its key path."""
    if raw is None:
        return None
    path: list[str | int] = ["plan_card"]
    reporter.unique_ids(raw["rows"], [*path, "rows"])
    variants = read_variants("plan_card", raw, path, parse, reporter)
    rows = []
    for index, row in enumerate(raw["rows"]):
        show_if = row.get("show_if")
        rule = parse(show_if, [*path, "rows", index, "show_if"]) if show_if is not None else None
        if show_if is None or rule is not None:
            rows.append(PlanCardRow(row["id"], row["text"], rule))
    return PlanCard(raw["title"], raw["intro"], tuple(rows), variants)


@dataclass(frozen=True, slots=True)
class ChosenPlanCard:
    """The card as some answers show it: its holding variants (None: its own title and intro) and its lines."""

    variants: HoldingVariants | None
    row_ids: tuple[str, ...]


def choose_plan_card(card: PlanCard | None, env: Mapping[str, Any]) -> ChosenPlanCard | None:
    """The card's variants and lines for these answers (env: answers, context values and quantities)."""
    if card is None:
        return None
    rows = tuple(row.id for row in card.rows if row.show_if is None or row.show_if.holds(env))
    return ChosenPlanCard(holding(card.variants, env), rows)

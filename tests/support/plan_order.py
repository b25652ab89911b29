"""The plan's order as a reader relies on it: sooner steps first, and within a timeframe the critical ones first."""

from __future__ import annotations

from collections.abc import Iterable

from prepcheck.engine.model import Questionnaire

# Spelled out here rather than taken from the engine, so a change in the engine's order shows up as a failure.
TIMEFRAMES = ("today", "this_week", "this_month", "this_year")


def order_breaks(questionnaire: Questionnaire, action_ids: Iterable[str]) -> list[str]:
    """Every step that comes after one it should come before (empty when the plan is in order)."""
    breaks: list[str] = []
    previous = None
    for action_id in action_ids:
        action = questionnaire.actions_by_id[action_id]
        if previous is not None:
            earlier = TIMEFRAMES.index(action.timeframe.value) < TIMEFRAMES.index(previous.timeframe.value)
            same_time = action.timeframe == previous.timeframe
            if earlier:
                breaks.append(f"{action.id} ({action.timeframe}) after {previous.id} ({previous.timeframe})")
            elif same_time and action.critical and not previous.critical:
                breaks.append(f"critical {action.id} after {previous.id}, which is not critical ({action.timeframe})")
        previous = action
    return breaks

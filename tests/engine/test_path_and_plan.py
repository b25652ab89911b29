"""The path follows from the answers alone; the plan is ordered and carries its quantities."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from prepcheck.engine import Context, assess, check_answers, load_questionnaire
from prepcheck.engine.model import Timeframe, priority_key

FEATURES = load_questionnaire(Path(__file__).resolve().parents[2] / "questionnaires" / "test" / "all_features.yaml")

BASE: dict[str, Any] = {"adults": 2, "pets": 0, "water_litres": 20, "refresh": "yes", "radio": "crank"}


def path_for(answers: dict[str, Any]) -> tuple[str, ...]:
    _, path, _ = check_answers(FEATURES, answers)
    return path.page_ids


def test_a_page_whose_show_if_fails_is_not_on_the_path() -> None:
    assert path_for({**BASE, "pets": 0}) == ("household", "water_page", "radio_page")


def test_answering_an_earlier_question_brings_a_page_onto_the_path() -> None:
    assert path_for({**BASE, "pets": 2}) == ("household", "water_page", "radio_page", "pets_page")


def test_first_unanswered_page_is_where_a_returning_user_continues() -> None:
    _, path, _ = check_answers(FEATURES, {"adults": 2})
    assert path.first_unanswered_page() is not None
    assert path.first_unanswered_page().page.id == "water_page"


def test_answers_on_an_abandoned_branch_change_nothing() -> None:
    with_branch = {**BASE, "pets": 1, "pet_plan": "no", "note": "ask the neighbours"}
    abandoned = {**with_branch, "pets": 0}
    assert assess(FEATURES, abandoned) == assess(FEATURES, {**BASE, "pets": 0})


def test_the_plan_runs_by_timeframe_then_critical_then_impact_per_effort() -> None:
    assessment = assess(FEATURES, {**BASE, "water_litres": 3, "refresh": "no", "radio": "none", "pets": 1, "pet_plan": "no"})
    # store_water is for this week; the other three are for this month, ranked by impact per effort: pet_shelter
    # (3/1), then refresh_water (2/1) and get_radio (4/2), tied at 2 and kept in file order.
    assert assessment.action_ids() == ("store_water", "pet_shelter", "refresh_water", "get_radio")


def test_a_step_for_today_comes_before_a_critical_step_for_this_week() -> None:
    critical_this_week = FEATURES.actions_by_id["store_water"]
    plain_today = replace(FEATURES.actions_by_id["refresh_water"], timeframe=Timeframe.TODAY)
    assert priority_key(plain_today, 2) < priority_key(critical_this_week, 0)


def test_within_a_timeframe_a_critical_step_comes_before_one_with_more_impact_per_effort() -> None:
    critical = replace(FEATURES.actions_by_id["store_water"], timeframe=Timeframe.THIS_MONTH)
    easier = FEATURES.actions_by_id["pet_shelter"]
    assert (easier.impact / easier.effort) > (critical.impact / critical.effort)
    assert priority_key(critical, 3) < priority_key(easier, 0)


def test_an_action_carries_the_answers_that_triggered_it() -> None:
    assessment = assess(FEATURES, {**BASE, "refresh": "no"})
    (refresh,) = [a for a in assessment.actions if a.action_id == "refresh_water"]
    assert refresh.triggered_by == ("refresh",)


def test_water_quantity_counts_people_pets_and_days() -> None:
    # 3 litres x 2 adults x 3 days + 0.5 litre x 1 pet x 3 days = 19.5, rounded up to 20
    assessment = assess(FEATURES, {**BASE, "water_litres": 5, "pets": 1, "pet_plan": "yes"})
    (store_water,) = [a for a in assessment.actions if a.action_id == "store_water"]
    assert [(q.quantity_id, q.value, q.unit) for q in store_water.quantities] == [("water_needed", 20.0, "litres")]


def test_a_quantity_case_replaces_the_default_formula() -> None:
    caribbean = assess(FEATURES, {**BASE, "water_litres": 5}, Context(variables={"region": "caribbean"}))
    assert caribbean.quantity("water_needed").value == 42.0


def test_an_unknown_context_value_falls_back_to_the_default() -> None:
    assessment = assess(FEATURES, {**BASE, "water_litres": 5}, Context(variables={"region": "atlantis"}))
    assert assessment.quantity("water_needed").value == 18.0


def test_a_quantity_with_a_missing_input_is_left_out() -> None:
    assessment = assess(FEATURES, {**BASE, "pets": None})
    assert assessment.quantity("pet_water") is None
    assert assessment.quantity("water_needed").value == 18.0


def test_sources_cited_are_those_of_the_chosen_actions_in_list_order() -> None:
    assert assess(FEATURES, {**BASE, "refresh": "no"}).sources == ("S1",)
    assert assess(FEATURES, {**BASE, "refresh": "no", "radio": "none"}).sources == ("S1", "S2")

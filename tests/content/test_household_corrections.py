"""The corrections an expert asked for in the household advice (issue 17), each as a household shape and what it
must get: the verdict, the order of the plan and the amounts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from prepcheck import create_app
from tests.content.test_household_scenarios import (
    HOUSEHOLD,
    ISLANDS,
    NOTHING_DONE,
    answers,
    path_texts,
    plan_pdf_text,
    quantity,
    result_texts,
    result_view,
    run,
    shown_question_ids,
)
from tests.support.plan_order import order_breaks
from tests.support.typical_households import TYPICAL_HOUSEHOLDS, questions_seen


def planned(answer_set: dict[str, Any]) -> dict[str, Any]:
    """The plan's actions by id."""
    return {action.action_id: action for action in run(answer_set).actions}


def action_text(answer_set: dict[str, Any], action_id: str) -> str:
    """An action's title, text and reason as the result page shows them for these answers."""
    action = next(action for action in result_view(answer_set).actions if action.id == action_id)
    return f"{action.title} {action.text} {action.why}"


def caps(answer_set: dict[str, Any], domain_id: str) -> list[str]:
    return [cap.question_id for cap in run(answer_set).domain(domain_id).caps]


# ---------------------------------------------------------------- medicines


def test_daily_medicines_that_run_out_within_the_days_planned_for_are_a_step_for_this_week() -> None:
    reserve = planned(answers(medicine_stock_days=2))["medicine_reserve"]
    assert HOUSEHOLD.actions_by_id["medicine_reserve"].timeframe.value == "this_week"
    assert {value.quantity_id: value.value for value in reserve.quantities} == {"medicine_days_needed": 3}


def test_on_saba_five_days_of_medicines_is_short_of_the_seven_planned_for() -> None:
    assert "medicine_reserve" in planned(answers(place="saba", medicine_stock_days=5))
    assert "medicine_reserve" not in planned(answers(place="saba", medicine_stock_days=7))


def test_a_household_with_no_daily_medicines_left_gets_a_critical_step_for_today_and_is_never_well_prepared() -> None:
    gone = answers(medicine_stock_days=0)
    result = run(gone)
    assert result.action_ids()[0] == "medicine_none_left"
    assert result.actions[0].critical
    assert HOUSEHOLD.actions_by_id["medicine_none_left"].timeframe.value == "today"
    assert "medicine_reserve" not in result.action_ids()
    assert caps(gone, "health_care") == ["medicine_stock_days"]
    assert result.level_id != "well_prepared"


def test_only_a_household_with_daily_medicines_is_asked_about_medicines_that_need_a_fridge() -> None:
    assert "fridge_medicines" in shown_question_ids(answers(daily_medicines="yes"))
    assert "fridge_medicines" not in shown_question_ids(answers(daily_medicines="no"))


@pytest.mark.parametrize("answer", ["no", "dont_know"])
def test_fridge_medicines_without_a_plan_get_advice_to_ask_the_pharmacist_use_a_cool_box_and_keep_the_fridge_shut(
    answer: str,
) -> None:
    household = answers(fridge_medicines=answer)
    assert "keep_medicines_cool" in planned(household)
    words = action_text(household, "keep_medicines_cool")
    for advice in ("pharmacist", "cool box", "fridge door closed", "insulin"):
        assert advice in words


@pytest.mark.parametrize("answer", ["yes", "n/a"])
def test_no_fridge_advice_for_a_household_that_has_a_plan_or_no_fridge_medicines(answer: str) -> None:
    assert "keep_medicines_cool" not in planned(answers(fridge_medicines=answer))


# ---------------------------------------------------------------- someone who cannot manage alone


@pytest.mark.parametrize(
    "situation",
    [
        {"adults": 1, "needs_help": "yes", "alert_needs": ["moving"]},
        {"adults": 2, "needs_help": "yes", "alert_needs": ["other"]},
        {"adults": 1, "powered_equipment": "other_device", "device_backup": "yes"},
        {"adults": 2, "powered_equipment": "breathing", "device_backup": "yes"},
    ],
    ids=["alone_needs_help", "family_member_needs_help", "alone_with_device", "family_with_ventilation"],
)
@pytest.mark.parametrize("helper", ["no", "dont_know"])
def test_nobody_named_to_help_someone_who_cannot_manage_alone_is_critical_and_never_well_prepared(
    situation: dict[str, Any], helper: str
) -> None:
    household = answers(children=0, named_helper=helper, **situation)
    result = run(household)
    assert result.level_id != "well_prepared"
    assert caps(household, "neighbours") == ["named_helper"]
    helper_step = next(action for action in result.actions if action.action_id == "name_a_helper")
    assert helper_step.critical
    assert order_breaks(HOUSEHOLD, result.action_ids()) == []


def test_with_a_named_helper_a_household_with_someone_who_cannot_manage_alone_can_be_well_prepared() -> None:
    result = run(answers(adults=1, children=0, needs_help="yes", alert_needs=["moving"], named_helper="yes"))
    assert result.level_id == "well_prepared"


# ---------------------------------------------------------------- a token amount of water


@pytest.mark.parametrize("litres", [1, 2, 8])
def test_a_token_amount_of_water_counts_like_none(litres: int) -> None:
    """A family of four needs 36 litres; under a quarter of that (9 litres) is not preparedness."""
    household = answers(water_litres=litres)
    result = run(household)
    assert result.action_ids()[0] == "store_water_now"
    assert result.actions[0].critical
    assert "add_water" not in result.action_ids()
    assert caps(household, "water_food") == ["water_litres"]
    assert result.domain("water_food").level_id == "vulnerable"
    assert result.level_id != "well_prepared"


def test_a_household_with_a_little_water_is_told_it_has_far_too_little_not_to_start_from_nothing() -> None:
    words = action_text(answers(water_litres=2), "store_water_now")
    assert "far too little" in words
    assert "far too little" not in action_text(answers(water_litres=0), "store_water_now")


def test_a_quarter_of_the_water_need_is_a_start_that_needs_adding_to_this_week() -> None:
    result = run(answers(water_litres=9))
    assert "add_water" in result.action_ids() and "store_water_now" not in result.action_ids()
    assert result.domain("water_food").caps == ()


@pytest.mark.parametrize("litres", [27, 35])
def test_a_household_that_has_done_everything_else_is_only_on_the_way_until_its_water_need_is_met(litres: int) -> None:
    result = run(answers(water_litres=litres))
    assert result.level_id == "on_the_way"
    assert result.domain("water_food").failed_overall_gate == "well_prepared"
    assert run(answers(water_litres=36)).level_id == "well_prepared"


def test_pets_count_in_the_water_need_that_must_be_met() -> None:
    """Two adults, two children and a large dog need 36 + 6 litres: 36 is not enough."""
    dog = {"pets": 1, "large_dogs": 1, "pet_food_days": 7, "pet_plan": "yes"}
    assert run(answers(water_litres=36, **dog)).level_id == "on_the_way"
    assert run(answers(water_litres=42, **dog)).level_id == "well_prepared"


# ---------------------------------------------------------------- alerts that fit the person


def hearing(**more: Any) -> dict[str, Any]:
    return answers(needs_help="yes", alert_needs=["hearing"], named_helper="yes", **more)


def test_a_household_with_someone_who_cannot_hear_alarms_gets_no_siren_drill_but_alerts_they_can_notice() -> None:
    household = hearing(siren="no")
    assert "siren" not in shown_question_ids(household)
    steps = planned(household)
    assert "learn_siren" not in steps
    words = action_text(household, "alerts_for_hearing")
    for advice in ("NL-Alert app", "flash", "neighbour", "sign language"):
        assert advice in words


def test_a_household_with_someone_who_cannot_see_well_gets_alerts_read_aloud_with_more_contrast() -> None:
    household = answers(needs_help="yes", alert_needs=["sight"], named_helper="yes")
    assert "siren" in shown_question_ids(household)
    words = action_text(household, "alerts_for_sight")
    for advice in ("NL-Alert app", "read aloud", "contrast", "neighbour"):
        assert advice in words
    assert "alerts_for_hearing" not in planned(household)


def test_a_person_living_alone_who_cannot_hear_is_spoken_to_as_themself() -> None:
    words = action_text(hearing(adults=1, children=0), "alerts_for_hearing")
    assert "on your phone" in words and "warn you" in words


@pytest.mark.parametrize("place", ISLANDS)
def test_an_island_household_with_someone_who_cannot_hear_is_sent_to_its_island_government_not_to_nl_alert(
    place: str,
) -> None:
    words = action_text(hearing(place=place), "alerts_for_hearing")
    assert "island government" in words and "neighbour" in words
    assert "NL-Alert" not in words
    own_channel = {"curacao": "C3", "bonaire": "C4", "saba": "C7", "aruba": "C5", "sint_maarten": "C6-gov"}
    step = next(action for action in result_view(hearing(place=place)).actions if action.id == "alerts_for_hearing")
    assert step.sources == (own_channel.get(place, "C10"),)


def test_without_someone_who_needs_it_nobody_gets_the_adapted_alert_advice() -> None:
    steps = planned(answers())
    assert not {"alerts_for_hearing", "alerts_for_sight"} & set(steps)


def test_the_siren_advice_rests_on_the_national_guidance_not_one_safety_regions_page() -> None:
    siren = result_view(answers(siren="no"))
    sources = next(action.sources for action in siren.actions if action.id == "learn_siren")
    urls = [HOUSEHOLD.sources_by_id[source].url for source in sources]
    assert urls and all("denkvooruit.nl" in url for url in urls)


# ---------------------------------------------------------------- babies

BABY: dict[str, Any] = {"adults": 2, "children": 0, "babies": 1}


def test_a_household_with_a_baby_is_asked_about_baby_supplies_and_cannot_call_them_not_applicable() -> None:
    assert "baby_supplies" in shown_question_ids(answers(**BABY))
    assert "baby_supplies" not in shown_question_ids(answers())
    assert not HOUSEHOLD.questions_by_id["baby_supplies"].not_applicable
    assert "baby" not in HOUSEHOLD.questions_by_id["special_food"].hint.lower()


@pytest.mark.parametrize("answer", ["no", "dont_know"])
def test_missing_baby_supplies_are_a_critical_step_for_today_with_nappies_formula_water_and_bottles(answer: str) -> None:
    household = answers(baby_supplies=answer, **BABY)
    result = run(household)
    assert result.action_ids()[0] == "get_baby_supplies"
    assert result.actions[0].critical
    words = action_text(household, "get_baby_supplies")
    for advice in ("nappies", "ready-to-drink formula", "bottles", "water"):
        assert advice in words


def test_a_baby_without_supplies_comes_right_after_water_in_a_plan_with_many_gaps() -> None:
    result = run(answers(NOTHING_DONE, baby_supplies="no", **BABY))
    assert result.action_ids().index("get_baby_supplies") <= 2
    assert order_breaks(HOUSEHOLD, result.action_ids()) == []


def test_a_baby_counts_in_the_water_food_and_cash() -> None:
    result = run(answers(**BABY))
    assert quantity(result, "water_needed") == (27, "litres")  # 3 people x 3 L x 3 days
    assert quantity(result, "cash_needed") == (170, "EUR")


# ---------------------------------------------------------------- pets


@pytest.mark.parametrize(
    ("pets", "large_dogs", "litres"),
    [
        (1, 0, 1.5),  # a cat: half a litre a day for three days
        (1, 1, 6),  # a large dog: two litres a day
        (3, 1, 9),  # a large dog and two cats
        (2, 5, 12),  # more large dogs than pets counts as two large dogs
    ],
)
def test_pet_water_follows_the_size_of_the_pets(pets: int, large_dogs: int, litres: float) -> None:
    result = run(answers(pets=pets, large_dogs=large_dogs, pet_food_days=7, pet_plan="yes"))
    assert quantity(result, "water_pets") == (litres, "litres")


def test_only_pet_owners_are_asked_about_large_dogs_and_pet_food() -> None:
    assert {"large_dogs", "pet_food_days"} <= shown_question_ids(answers(pets=1))
    assert not {"large_dogs", "pet_food_days"} & shown_question_ids(answers(pets=0))


def test_pet_food_for_fewer_days_than_planned_for_is_counted_and_advised() -> None:
    short = run(answers(pets=1, large_dogs=0, pet_food_days=1, pet_plan="yes"))
    step = next(action for action in short.actions if action.action_id == "add_pet_food")
    assert {value.quantity_id: value.value for value in step.quantities} == {"supply_days": 3}
    assert short.domain("water_food").lost[0].question_id == "pet_food_days"
    assert "add_pet_food" not in planned(answers(pets=1, large_dogs=0, pet_food_days=3, pet_plan="yes"))
    assert "add_pet_food" in planned(answers(place="saba", pets=1, large_dogs=0, pet_food_days=3, pet_plan="yes"))


# ---------------------------------------------------------------- the islands

NL_ALERT = re.compile(r"NL-Alert", re.IGNORECASE)
BOOKLET = re.compile(r"booklet|Bereid je voor", re.IGNORECASE)


def option_labels(answer_set: dict[str, Any]) -> list[str]:
    """The labels of the options of every question on the path."""
    shown = shown_question_ids(answer_set)
    return [option.label for question in HOUSEHOLD.questions if question.id in shown for option in question.options]


@pytest.mark.parametrize("place", ISLANDS)
def test_an_island_household_reads_nothing_about_nl_alert_or_the_mainland_booklet(place: str) -> None:
    household = answers(NOTHING_DONE, place=place, pets=1, babies=1, needs_help="yes", alert_needs=["sight"])
    texts = path_texts(household) + option_labels(household) + result_texts(result_view(household))
    assert [text for text in texts if NL_ALERT.search(text)] == []
    assert [text for text in texts if BOOKLET.search(text)] == []


def test_the_mainland_still_reads_the_booklets_plan_card() -> None:
    texts = path_texts(answers(NOTHING_DONE)) + result_texts(result_view(answers(NOTHING_DONE)))
    assert any(BOOKLET.search(text) for text in texts)


def test_sint_maarten_keeps_its_cash_in_us_dollars_and_may_count_guilders_too() -> None:
    household = answers(place="sint_maarten", cash_usd=100)
    shown = shown_question_ids(household)
    assert "cash_usd" in shown and "cash_xcg" not in shown
    assert quantity(run(household), "cash_needed") == (230, "USD")  # 2 x US$80 + 2 x US$35
    assert any("guilders" in text for text in path_texts(household))


@pytest.mark.parametrize(
    ("place", "symbol"),
    [("netherlands", "€"), ("bonaire", "$"), ("sint_maarten", "$"), ("aruba", "AWG"), ("curacao", "Cg.")],
)
def test_cost_bands_are_in_the_households_own_money_on_the_result(place: str, symbol: str) -> None:
    view = result_view(answers(NOTHING_DONE, place=place))
    labels = {action.cost_label for action in view.actions if action.cost is not None and action.cost.value != "free"}
    assert labels and all(symbol in label for label in labels), labels
    if place != "netherlands":
        assert not any("€" in label for label in labels)


def test_an_island_households_pdf_names_no_euro_amounts() -> None:
    pdf = plan_pdf_text(answers(NOTHING_DONE, place="bonaire"))
    assert "€" not in pdf
    assert "$" in pdf


def test_an_island_households_api_assessment_names_no_euro_amounts(tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path / "instance")
    body = {"questionnaire": "household", "answers": answers(NOTHING_DONE, place="bonaire")}
    response = app.test_client().post("/api/v1/assessments", json=body)
    assert response.status_code == 200
    labels = [action["cost_label"] for action in response.get_json()["actions"] if action["cost_label"]]
    assert labels and not [label for label in labels if "€" in label]


def test_cost_bands_read_in_the_readers_language() -> None:
    view = result_view(answers(NOTHING_DONE, place="bonaire"), "nl")
    labels = {action.cost_label for action in view.actions if action.cost is not None and action.cost.value == "low"}
    assert labels == {"Minder dan US$\u00a025"}


# ---------------------------------------------------------------- the length of the check


@pytest.mark.parametrize("name", list(TYPICAL_HOUSEHOLDS))
def test_a_typical_household_is_shown_about_45_questions(name: str) -> None:
    assert 40 <= questions_seen(HOUSEHOLD, TYPICAL_HOUSEHOLDS[name]) <= 48


def test_six_typical_households_are_shown_45_questions_or_fewer_on_average() -> None:
    counts = [questions_seen(HOUSEHOLD, household) for household in TYPICAL_HOUSEHOLDS.values()]
    assert sum(counts) / len(counts) <= 45.5


def test_every_typical_household_answers_only_what_it_is_asked_and_gets_a_result() -> None:
    for household in TYPICAL_HOUSEHOLDS.values():
        assert run(answers(**household)).level_id in {level.id for level in HOUSEHOLD.levels}

"""The household questionnaire, checked through assess() the way a user would check their own result."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from prepcheck import create_app
from prepcheck.engine import Context, assess, check_answers, compute_path, load_questionnaire
from prepcheck.engine.assess import Assessment, variants_on_path
from prepcheck.engine.model import QuestionType
from prepcheck.report.service import PlanService
from prepcheck.views.model import ResultView
from prepcheck.views.present import AssessmentPresenter
from tests.report.report_helpers import CREATED, pdf_text
from tests.support.plan_order import order_breaks

HOUSEHOLD_FILE = Path(__file__).resolve().parents[2] / "questionnaires" / "household.yaml"
HOUSEHOLD = load_questionnaire(HOUSEHOLD_FILE)

ISLANDS = ("aruba", "curacao", "sint_maarten", "bonaire", "sint_eustatius", "saba")

# A family of two adults and two children in Utrecht that has done everything. Answers to questions that this
# household is not shown (the island questions, the medical device, pets) are ignored by the engine, so the same
# set can be reused for other places and households by overriding a few answers.
FULLY_PREPARED: dict[str, Any] = {
    "place": "netherlands",
    "adults": 2,
    "children": 2,
    "babies": 0,
    "pets": 0,
    "needs_help": "no",
    "powered_equipment": "none",
    "daily_medicines": "yes",
    "home_type": "house_upstairs",
    "large_dogs": 0,
    "water_litres": 100,
    "water_container": "yes",
    "food_days": 7,
    "can_opener": "yes",
    "baby_supplies": "yes",
    "special_food": "yes",
    "pet_food_days": 14,
    "supplies_checked": "yes",
    "radio": "crank_solar",
    "broadcaster": "yes",
    "power_bank": "yes",
    "torch": "yes",
    "keep_warm": "yes",
    "alert_needs": ["moving"],
    "medicine_stock_days": 14,
    "fridge_medicines": "yes",
    "first_aid": "yes",
    "hygiene": "yes",
    "device_backup": "yes",
    "cash_eur": 500,
    "cash_awg": 1000,
    "cash_xcg": 1000,
    "cash_usd": 500,
    "id_copies": "yes",
    "phone_list": "yes",
    "spare_keys": "yes",
    "written_plan": "yes",
    "meeting_place": "yes",
    "child_pickup": "yes",
    "stay_elsewhere": "yes",
    "plan_reviewed": "yes",
    "nl_alert": "yes",
    "siren": "yes",
    "island_alerts": "yes",
    "news_sources": ["regional_radio", "official_alerts"],
    "help_point": "yes",
    "talked_neighbours": "yes",
    "know_vulnerable": "yes",
    "named_helper": "yes",
    "flood_checked": "yes",
    "high_place": "yes",
    "go_bag": "yes",
    "shut_off": "yes",
    "storm_tidy": "yes",
    "pet_plan": "yes",
    "season_prep": "yes",
    "shutters": "tested",
    "storm_shelter": "strong_home",
    "safe_room": "yes",
    "roof_check": "yes",
    "watch_warning": "yes",
    "cistern": "yes",
}

# Every supply missing and every step not yet taken.
NOTHING_DONE: dict[str, Any] = {
    **FULLY_PREPARED,
    **{question.id: "no" for question in HOUSEHOLD.questions_by_id.values() if question.type is QuestionType.YES_NO},
    "water_litres": 0,
    "food_days": 0,
    "radio": "no_radio",
    "medicine_stock_days": 0,
    "pet_food_days": 0,
    "cash_eur": 0,
    "cash_awg": 0,
    "cash_xcg": 0,
    "cash_usd": 0,
    "news_sources": ["not_sure"],
    "shutters": "no_protection",
    "storm_shelter": "not_arranged",
}


def answers(base: dict[str, Any] | None = None, **overrides: Any) -> dict[str, Any]:
    """A complete answer set: the fully prepared household (or another base) with a few answers changed."""
    return {**(FULLY_PREPARED if base is None else base), **overrides}


def run(answer_set: dict[str, Any]) -> Assessment:
    return assess(HOUSEHOLD, answer_set, Context())


def quantity(assessment: Assessment, quantity_id: str) -> tuple[float, str]:
    value = assessment.quantity(quantity_id)
    assert value is not None, f"quantity {quantity_id} was not computed"
    return value.value, value.unit


def shown_question_ids(answer_set: dict[str, Any]) -> set[str]:
    """The questions these answers are shown, the answers read as the web and the API read them."""
    return {question.id for question in check_answers(HOUSEHOLD, answer_set)[1].questions}


# ---------------------------------------------------------------- the six scenarios of issue 3


def test_fully_prepared_household_in_utrecht_is_well_prepared_in_every_domain_without_critical_actions() -> None:
    result = run(answers())
    assert result.level_id == "well_prepared"
    applying = [domain for domain in result.domains if domain.applies]
    assert {domain.domain_id for domain in applying} == {d.id for d in HOUSEHOLD.domains} - {"hurricane"}
    for domain in applying:
        assert domain.level_id == "well_prepared", domain.domain_id
        assert domain.caps == ()
    assert not any(action.critical for action in result.actions)


@pytest.mark.parametrize(
    ("adults", "children", "babies", "pets", "litres"),
    [
        (1, 0, 0, 0, 9),  # one adult: 3 L x 3 days
        (2, 2, 0, 0, 36),  # the family of four from the government advice
        (2, 1, 1, 2, 39),  # a baby counts as a person; two pets add 2 x 0.5 L x 3 days
    ],
)
def test_household_without_stored_water_gets_critical_water_action_first(
    adults: int, children: int, babies: int, pets: int, litres: float
) -> None:
    result = run(answers(adults=adults, children=children, babies=babies, pets=pets, water_litres=0))
    first = result.actions[0]
    assert first.action_id == "store_water_now"
    assert first.critical
    needed = {value.quantity_id: value for value in first.quantities}["water_needed"]
    assert (needed.value, needed.unit) == (litres, "litres")
    water = result.domain("water_food")
    assert water.level_id == "vulnerable"
    assert [cap.question_id for cap in water.caps] == ["water_litres"]


def test_household_without_stored_water_is_never_well_prepared_overall() -> None:
    assert run(answers(water_litres=0)).level_id != "well_prepared"


def test_two_adults_two_children_and_a_dog_on_the_mainland_need_36_litres_plus_the_dogs_share_and_200_euros() -> None:
    result = run(answers(pets=1, water_litres=10))
    assert quantity(result, "water_people") == (36, "litres")
    assert quantity(result, "water_pets") == (1.5, "litres")
    assert quantity(result, "water_needed") == (37.5, "litres")
    assert quantity(result, "cash_needed") == (200, "EUR")
    assert quantity(result, "food_person_days") == (12, "person-days")
    assert quantity(result, "medicine_days_needed") == (3, "days")
    add_water = next(action for action in result.actions if action.action_id == "add_water")
    shown = {value.quantity_id: value.value for value in add_water.quantities}
    assert shown == {"water_missing": 28, "water_needed": 37.5}


def test_household_with_less_cash_than_the_guideline_is_told_the_amount_in_euros() -> None:
    result = run(answers(cash_eur=50))
    keep_cash = next(action for action in result.actions if action.action_id == "keep_cash")
    assert [(value.quantity_id, value.value, value.unit) for value in keep_cash.quantities] == [("cash_needed", 200, "EUR")]


def test_household_on_sint_maarten_sees_the_hurricane_module_with_seven_day_quantities_and_us_dollars() -> None:
    island = answers(place="sint_maarten")
    path = compute_path(HOUSEHOLD, island)
    assert "hurricane" in path.page_ids
    shown = shown_question_ids(island)
    assert {"season_prep", "shutters", "storm_shelter", "safe_room", "watch_warning"} <= shown
    assert "cash_usd" in shown and "cash_xcg" not in shown and "cash_eur" not in shown
    result = run(island)
    assert result.domain("hurricane").applies
    assert result.domain("hurricane").level_id == "well_prepared"
    assert quantity(result, "supply_days")[0] >= 7
    assert quantity(result, "water_needed") == (84, "litres")  # 4 people x 3 L x 7 days
    assert quantity(result, "food_person_days") == (28, "person-days")
    assert quantity(result, "medicine_days_needed")[0] >= 7
    assert quantity(result, "cash_needed") == (230, "USD")  # the money people there use day to day


@pytest.mark.parametrize(
    ("place", "currency"),
    [
        ("netherlands", "EUR"),
        ("aruba", "AWG"),
        ("curacao", "XCG"),
        ("sint_maarten", "USD"),
        ("bonaire", "USD"),
        ("sint_eustatius", "USD"),
        ("saba", "USD"),
    ],
)
def test_cash_is_given_in_the_iso_currency_of_the_place(place: str, currency: str) -> None:
    result = run(answers(place=place))
    value, unit = quantity(result, "cash_needed")
    assert unit == currency
    assert value > 0


@pytest.mark.parametrize("place", ISLANDS)
def test_every_island_household_sees_the_hurricane_module(place: str) -> None:
    assert "hurricane" in compute_path(HOUSEHOLD, answers(place=place)).page_ids
    assert run(answers(place=place)).domain("hurricane").applies


@pytest.mark.parametrize("base", [FULLY_PREPARED, NOTHING_DONE], ids=["fully_prepared", "nothing_done"])
def test_mainland_household_never_sees_the_hurricane_module(base: dict[str, Any]) -> None:
    mainland = answers(base, place="netherlands")
    path = compute_path(HOUSEHOLD, mainland)
    assert "hurricane" not in path.page_ids
    hurricane_questions = {q.id for q in HOUSEHOLD.pages_by_id["hurricane"].questions}
    assert not hurricane_questions & {question.id for question in path.questions}
    result = run(mainland)
    assert not result.domain("hurricane").applies
    hurricane_actions = {action.id for action in HOUSEHOLD.actions if action.domain == "hurricane"}
    assert not hurricane_actions & set(result.action_ids())


@pytest.mark.parametrize("base", [FULLY_PREPARED, NOTHING_DONE], ids=["fully_prepared", "nothing_done"])
@pytest.mark.parametrize("place", ["netherlands", "saba"])
@pytest.mark.parametrize("backup", ["no", "dont_know"])
def test_person_on_home_ventilation_without_backup_plan_gets_a_critical_action_whatever_else(
    base: dict[str, Any], place: str, backup: str
) -> None:
    result = run(answers(base, place=place, powered_equipment="breathing", device_backup=backup))
    planned = {action.action_id: action for action in result.actions}
    assert planned["device_backup_plan"].critical
    assert result.actions[0].critical
    health = result.domain("health_care")
    assert health.level_id == "vulnerable"
    assert "device_backup" in [cap.question_id for cap in health.caps]
    assert result.level_id != "well_prepared"


def test_person_on_home_ventilation_with_a_backup_plan_gets_no_critical_action() -> None:
    result = run(answers(powered_equipment="breathing", device_backup="yes"))
    assert not any(action.critical for action in result.actions)
    assert result.domain("health_care").level_id == "well_prepared"


# Answer sets under which every yes/no question is shown: the mainland with every optional topic switched on,
# and an island (Saba also shows the cistern question).
_EVERYTHING_SHOWN = {
    "children": 1,
    "babies": 1,
    "pets": 1,
    "needs_help": "yes",
    "powered_equipment": "other_device",
    "daily_medicines": "yes",
    "home_type": "ground_floor",
}
_BASES_SHOWING_ALL = [
    answers(**_EVERYTHING_SHOWN, place="netherlands"),
    answers(**_EVERYTHING_SHOWN, place="saba"),
]
YES_NO_QUESTIONS = [q.id for q in HOUSEHOLD.questions_by_id.values() if q.type is QuestionType.YES_NO and q.domain]
"""The scored yes/no questions (an unscored one, such as whether money is tight, only chooses tips)."""


def test_every_yes_no_question_is_shown_by_one_of_the_dont_know_bases() -> None:
    shown = set().union(*(shown_question_ids(base) for base in _BASES_SHOWING_ALL))
    assert set(YES_NO_QUESTIONS) <= shown


@pytest.mark.parametrize("question_id", YES_NO_QUESTIONS)
def test_dont_know_never_scores_better_than_no(question_id: str) -> None:
    question = HOUSEHOLD.questions_by_id[question_id]
    for base in _BASES_SHOWING_ALL:
        if question_id not in shown_question_ids(base):
            continue
        said_no = run(answers(base, **{question_id: "no"}))
        dont_know = run(answers(base, **{question_id: "dont_know"}))
        assert dont_know.score <= said_no.score
        domain = question.domain
        assert domain is not None
        assert dont_know.domain(domain).score <= said_no.domain(domain).score
        assert HOUSEHOLD.level_index(dont_know.level_id) <= HOUSEHOLD.level_index(said_no.level_id)
        assert len(dont_know.domain(domain).caps) >= len(said_no.domain(domain).caps)
        assert set(said_no.action_ids()) <= set(dont_know.action_ids())


# ---------------------------------------------------------------- length, order and content


@pytest.mark.parametrize(
    "profile",
    [
        {"adults": 2, "children": 2, "pets": 0},
        {"adults": 2, "children": 1, "pets": 1, "daily_medicines": "no"},
        {"adults": 1, "children": 0, "daily_medicines": "no", "home_type": "upper_flat"},
        {"adults": 2, "children": 0, "daily_medicines": "yes", "home_type": "ground_floor"},
        {"adults": 2, "children": 2, "place": "curacao"},
        {"adults": 1, "children": 0, "place": "saba", "pets": 1},
    ],
    ids=["family_utrecht", "family_with_dog", "single_in_flat", "couple_ground_floor", "family_curacao", "single_saba"],
)
def test_typical_household_is_shown_between_35_and_50_questions(profile: dict[str, Any]) -> None:
    path = compute_path(HOUSEHOLD, answers(**profile))
    assert 35 <= len(path.questions) <= 50, len(path.questions)


def test_household_with_nothing_done_needs_attention_and_its_first_step_that_is_not_critical_is_free() -> None:
    result = run(answers(NOTHING_DONE))
    assert result.level_id == "vulnerable"
    actions = [HOUSEHOLD.actions_by_id[action_id] for action_id in result.action_ids()]
    first_plain = next(action for action in actions if not action.critical)
    assert first_plain.cost is not None and first_plain.cost.value == "free"


@pytest.mark.parametrize("place", ["netherlands", "bonaire", "sint_maarten"])
@pytest.mark.parametrize(
    "situation",
    [
        {},
        {"powered_equipment": "breathing", "device_backup": "no"},
        {"adults": 1, "children": 0, "needs_help": "yes", "named_helper": "no"},
        {"children": 2, "pets": 1, "pet_plan": "no", "child_pickup": "no"},
    ],
    ids=["as_is", "home_ventilation", "single_needing_help", "family_with_dog"],
)
@pytest.mark.parametrize(
    "base",
    [
        NOTHING_DONE,
        answers(water_litres=10, cash_eur=0, cash_usd=0, cash_xcg=0, nl_alert="no", island_alerts="no", written_plan="no"),
    ],
    ids=["nothing_done", "some_gaps"],
)
def test_the_plan_runs_from_today_to_this_year_with_critical_steps_first_within_each(
    base: dict[str, Any], situation: dict[str, Any], place: str
) -> None:
    result = run(answers(base, place=place, **situation))
    assert len(result.actions) >= 3
    assert order_breaks(HOUSEHOLD, result.action_ids()) == []


def test_a_step_for_today_comes_before_the_critical_backup_plan_for_home_ventilation_which_is_for_this_week() -> None:
    result = run(answers(powered_equipment="breathing", device_backup="no", nl_alert="no"))
    assert result.action_ids()[:2] == ("turn_on_nl_alert", "device_backup_plan")
    assert result.actions[1].critical and not result.actions[0].critical


def test_household_that_finds_supplies_hard_to_pay_is_told_about_free_steps_and_where_to_ask_for_help() -> None:
    result = run(answers(supplies_hard_to_pay="yes"))
    assert "start_small_budget" in result.action_ids()
    text = HOUSEHOLD.actions_by_id["start_small_budget"].text
    assert "free" in text and "municipality" in text


@pytest.mark.parametrize("money", ["no", "dont_know", None], ids=["not-hard", "dont-know", "skipped"])
def test_household_short_of_water_and_food_gets_no_budget_tips_unless_it_says_money_is_tight(money: str | None) -> None:
    result = run(answers(water_litres=0, food_days=0, supplies_hard_to_pay=money))
    assert "start_small_budget" not in result.action_ids()


def test_every_household_action_says_what_why_cost_and_when() -> None:
    for action in HOUSEHOLD.actions:
        assert action.title and action.text, action.id
        assert action.cost is not None, action.id
        assert action.why.count(". ") == 0 and action.why.endswith("."), f"{action.id}: why should be one sentence"
        for variant in action.variants:
            why = variant.text("why")
            assert why is None or (why.count(". ") == 0 and why.endswith(".")), f"{action.id}/{variant.id}: one sentence"


def test_money_quantities_use_iso_currency_codes() -> None:
    cash = next(quantity for quantity in HOUSEHOLD.quantities if quantity.id == "cash_needed")
    assert {cash.unit, *(case.unit for case in cash.cases)} == {"EUR", "AWG", "XCG", "USD"}


# ---------------------------------------------------------------- words that fit the household and the place

ALONE: dict[str, Any] = {
    **NOTHING_DONE,
    "adults": 1,
    "children": 0,
    "babies": 0,
    "pets": 1,
    "needs_help": "yes",
    "powered_equipment": "other_device",
    "home_type": "ground_floor",
}
"""An older person who lives alone with a cat, needs help and uses a device, and has done nothing yet."""

SPEAKS_TO_SEVERAL = re.compile(
    r"everyone (?:in your home|at home)|anyone in your home|the person in your home|(?<!putting[ -])\btogether\b(?! with)",
    re.IGNORECASE,
)
"""Words that speak to several people at home ("keep spare keys together with your supplies", "putting together a
kit" speak to one)."""

ISLAND_LINES = re.compile(r"97\.9|107\.9|SXMGOV|Kalamidat|Disasterprep|Curaçao|Sint Maarten|island", re.IGNORECASE)
PLAN_CARD_FOR_A_HOUSEHOLD = "Fill this in with everyone in your home."
"""The PDF's fill-in plan card says this whatever the answers: a template text, not the questionnaire's."""


def path_texts(answer_set: dict[str, Any], locale: str = "en") -> list[str]:
    """Every page title and intro and every question text and hint on the path, as the question pages show them."""
    _, path, _ = check_answers(HOUSEHOLD, answer_set)
    variants = variants_on_path(HOUSEHOLD, path, Context())
    words = AssessmentPresenter(HOUSEHOLD, locale)
    texts = []
    for shown in path.pages:
        page = shown.page
        texts += [
            words.text("page", page.id, field, getattr(page, field), variants.page(page.id)) for field in ("title", "intro")
        ]
        for question in shown.questions:
            variant = variants.question(question.id)
            texts += [words.text("question", question.id, field, getattr(question, field), variant) for field in ("text", "hint")]
    return [text for text in texts if text]


def result_view(answer_set: dict[str, Any], locale: str = "en") -> ResultView:
    return AssessmentPresenter(HOUSEHOLD, locale).present(run(answer_set))


def result_texts(view: ResultView) -> list[str]:
    """The plan's titles, texts and reasons, and the questions that cost points, as the result page shows them."""
    actions = [text for action in view.actions for text in (action.title, action.text, action.why)]
    return actions + [lost.question_text for domain in view.domains for lost in domain.lost]


def plan_pdf_text(answer_set: dict[str, Any]) -> str:
    service = PlanService()
    request = service.request_for(HOUSEHOLD, run(answer_set), "en", created=CREATED)
    return pdf_text(service.pdf(HOUSEHOLD, request))


def family() -> dict[str, Any]:
    return json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "household_family.json").read_text())


@pytest.mark.parametrize("place", ["netherlands", "bonaire"])
def test_a_person_living_alone_is_never_spoken_to_as_several_people_on_the_path_or_in_the_result(place: str) -> None:
    alone = answers(ALONE, place=place)
    shown = [text for text in path_texts(alone) + result_texts(result_view(alone)) if SPEAKS_TO_SEVERAL.search(text)]
    assert shown == []


def test_a_person_living_alone_reading_dutch_is_not_spoken_to_as_a_household() -> None:
    alone = answers(ALONE, place="netherlands")
    texts = path_texts(alone, "nl") + result_texts(result_view(alone, "nl"))
    household = re.compile(r"iedereen in (je )?huis|iemand in je huis|\bsamen\b|hebben jullie|wat jullie|waar jullie", re.I)
    assert [text for text in texts if household.search(text)] == []
    assert "Heb je met familie of vrienden afgesproken waar je elkaar treft als je elkaar niet kunt bellen?" in texts


def test_a_person_living_alone_reads_the_plan_written_for_one_on_the_page_in_the_result_and_in_the_pdf() -> None:
    alone = answers(ALONE, place="netherlands")
    on_the_path = path_texts(alone)
    assert "Have you agreed with family or friends where to meet if you cannot reach each other by phone?" in on_the_path
    assert "A plan is what you decide before something happens. It costs nothing." in on_the_path
    planned = {action.id: action for action in result_view(alone).actions}
    assert planned["write_plan"].text.startswith("Take half an hour to write down")
    assert planned["agree_meeting_place"].title == "Agree with family or friends where to meet"
    pdf = plan_pdf_text(alone)
    # The fridge plan prints steps after the first three as a checklist of titles.
    assert "Write down your household plan" in pdf and "Name a helper for yourself" in pdf
    assert [match.group(0) for match in SPEAKS_TO_SEVERAL.finditer(pdf.replace(PLAN_CARD_FOR_A_HOUSEHOLD, ""))] == []


def test_a_family_of_four_still_plans_together() -> None:
    planned = {action.id: action for action in result_view(family()).actions}
    assert planned["write_plan"].text.startswith("Sit down together")
    assert "Have you talked through the plan with everyone in your home in the last 12 months?" in path_texts(family())


def test_the_utrecht_family_sees_no_island_frequency_or_help_line_on_the_path_in_the_result_or_in_the_pdf() -> None:
    view = result_view(family())
    assert "note_broadcaster" in {action.id for action in view.actions}
    assert [text for text in path_texts(family()) if ISLAND_LINES.search(text)] == []
    assert [text for text in result_texts(view) if ISLAND_LINES.search(text)] == []
    assert "denkvooruit.nl/radio" in next(action.text for action in view.actions if action.id == "note_broadcaster")
    pdf = plan_pdf_text(family())
    assert not re.search(r"97\.9|107\.9|SXMGOV|Kalamidat|Disasterprep", pdf)


def test_the_utrecht_familys_plan_cites_no_island_or_foreign_source() -> None:
    view = result_view(family())
    cited = [source.id for source in view.sources]
    assert cited and [source_id for source_id in cited if source_id.startswith("C") or source_id.startswith("I")] == []
    assert {source for action in view.actions for source in action.sources} == set(cited)
    publishers = " ".join(source.publisher for source in view.sources)
    assert not re.search(r"Aruba|Saba|Curaçao|Sint Maarten|Canada", publishers)


def test_an_island_household_cites_its_own_islands_guidance_and_not_the_mainlands_radio_sources() -> None:
    on_bonaire = result_view(answers(family(), place="bonaire", island_alerts="no"))
    cited = {source.id for source in on_bonaire.sources}
    assert {"C4"} <= cited
    assert not {"D21", "D22", "C3", "C6-gov"} & {
        source for action in on_bonaire.actions if action.id == "note_broadcaster" for source in action.sources
    }


def test_a_bonaire_resident_reads_bonaires_line_and_not_curacaos() -> None:
    on_bonaire = answers(family(), place="bonaire", island_alerts="no")
    texts = path_texts(on_bonaire) + result_texts(result_view(on_bonaire))
    assert any("bonairecrisis.com" in text for text in texts)
    assert any("Disasterprep Bonaire" in text for text in texts)
    assert [text for text in texts if re.search(r"Curaçao|Kalamidat|97\.9|107\.9|SXMGOV|denkvooruit", text)] == []


def test_every_island_reads_a_radio_line_of_its_own_that_names_it() -> None:
    labels = {option.value: option.label for option in HOUSEHOLD.questions_by_id["place"].options}
    lines = {
        place: next(
            action.text for action in result_view(answers(family(), place=place)).actions if action.id == "note_broadcaster"
        )
        for place in ISLANDS
    }
    assert len(set(lines.values())) == len(ISLANDS)
    assert [place for place, line in lines.items() if labels[place] not in line] == []


def test_the_utrecht_familys_api_assessment_names_no_island_frequency_or_source(tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path / "instance")
    response = app.test_client().post("/api/v1/assessments", json={"questionnaire": "household", "answers": family()})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert not re.search(r"97\.9|107\.9|SXMGOV|Kalamidat|Disasterprep|scugog|sabagov|gobierno\.aw", body)
    assert "denkvooruit.nl/radio" in body

"""The result view holds what a reader sees: reasons per domain, the plan with its amounts, each source once, translated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prepcheck.engine import Assessment, Questionnaire, assess, load_questionnaire
from prepcheck.engine.model import CostBand, Timeframe
from prepcheck.engine.recheck_code import Snapshot, compare
from prepcheck.views.present import AssessmentPresenter, present_comparison

ROOT = Path(__file__).resolve().parents[2]


def assessed(questionnaire_file: str, answers_file: str) -> tuple[Questionnaire, Assessment]:
    questionnaire = load_questionnaire(ROOT / "questionnaires" / questionnaire_file)
    answers = json.loads((ROOT / "tests" / "fixtures" / "answers" / answers_file).read_text(encoding="utf-8"))
    return questionnaire, assess(questionnaire, answers)


@pytest.fixture(scope="module")
def all_features() -> tuple[Questionnaire, Assessment]:
    return assessed("test/all_features.yaml", "all_features_example.json")


def test_a_capped_domain_names_the_critical_question_and_what_each_answer_cost(
    all_features: tuple[Questionnaire, Assessment],
) -> None:
    questionnaire, assessment = all_features
    view = AssessmentPresenter(questionnaire, "en").present(assessment)
    contact = next(domain for domain in view.domains if domain.id == "contact")
    assert contact.capped_by == ("pet_plan",)
    assert contact.level_title == "Vulnerable"
    (lost,) = contact.lost
    assert (lost.question_text, lost.answer, lost.points_lost) == ("Have you arranged where your pets can stay?", "No", 33.3)
    water = next(domain for domain in view.domains if domain.id == "water")
    assert water.capped_by == () and water.held_below == "well_prepared"


def test_an_action_carries_its_labels_and_the_amounts_worked_out_for_the_household(
    all_features: tuple[Questionnaire, Assessment],
) -> None:
    questionnaire, assessment = all_features
    view = AssessmentPresenter(questionnaire, "en").present(assessment)
    store_water = view.actions[0]
    assert (store_water.title, store_water.critical) == ("Store drinking water", True)
    assert (store_water.timeframe, store_water.timeframe_label) == (Timeframe.THIS_WEEK, "This week")
    assert (store_water.cost, store_water.cost_label) == (CostBand.LOW, "Under €\u00a020")
    (quantity,) = store_water.quantities
    assert (quantity.label, quantity.value, quantity.unit, quantity.formatted) == (
        "Drinking water for three days",
        20.0,
        "litres",
        "20 litres",
    )
    assert store_water.sources == ("S1",)


def test_a_source_that_several_actions_rest_on_is_listed_once(all_features: tuple[Questionnaire, Assessment]) -> None:
    questionnaire, assessment = all_features
    view = AssessmentPresenter(questionnaire, "en").present(assessment)
    assert [action.sources for action in view.actions if "S1" in action.sources] == [("S1",), ("S1",)]
    assert [source.id for source in view.sources] == ["S1", "S2"]
    assert view.sources[0].publisher == "Denk vooruit (NCTV)"


def test_a_dutch_view_has_dutch_labels_and_dutch_numbers(all_features: tuple[Questionnaire, Assessment]) -> None:
    questionnaire, assessment = all_features
    view = AssessmentPresenter(questionnaire, "nl").present(assessment)
    assert view.locale == "nl"
    assert [action.timeframe_label for action in view.actions] == ["Deze week", "Deze maand", "Deze maand"]
    assert view.actions[0].cost_label == "Minder dan €\u00a020"
    water = view.domains[0]
    assert [(lost.answer, lost.points_lost_formatted) for lost in water.lost] == [
        ("10 litres", "37,5"),
        ("Ik weet het niet", "25"),
    ]


def test_a_dutch_household_view_has_the_questionnaires_dutch_texts() -> None:
    questionnaire, assessment = assessed("household.yaml", "household_family.json")
    english = AssessmentPresenter(questionnaire, "en").present(assessment)
    dutch = AssessmentPresenter(questionnaire, "nl").present(assessment)
    assert (english.questionnaire.title, dutch.questionnaire.title) == (
        "How ready is your household?",
        "Hoe goed is je huishouden voorbereid?",
    )
    assert dutch.score == english.score
    assert [action.id for action in dutch.actions] == [action.id for action in english.actions]
    assert all(d.title != e.title for d, e in zip(dutch.actions, english.actions))


def test_the_comparison_view_shows_each_domain_last_time_and_now(all_features: tuple[Questionnaire, Assessment]) -> None:
    _, assessment = all_features
    last_time = Snapshot(30, "vulnerable", {"water": (20, "vulnerable"), "gone_domain": (90, "well_prepared")})
    comparison = present_comparison(compare(last_time, assessment))
    assert (comparison.overall.domain, comparison.overall.score_change, comparison.overall.direction) == (None, 12, "better")
    assert [(change.domain, change.direction) for change in comparison.domains] == [
        ("water", "better"),
        ("contact", "new"),
        ("gone_domain", "gone"),
    ]

"""Scores, levels, critical caps, gates, "not applicable", "don't know" and the explanation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from prepcheck.engine import InvalidAnswers, assess, load_questionnaire

TEST_QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "questionnaires" / "test"
FEATURES = load_questionnaire(TEST_QUESTIONNAIRES / "all_features.yaml")
GATES = load_questionnaire(TEST_QUESTIONNAIRES / "maturity_gates.yaml")

PREPARED: dict[str, Any] = {
    "adults": 2,
    "pets": 0,
    "water_litres": 20,
    "refresh": "yes",
    "radio": "crank",
    "channels": ["paper_list", "meeting_place"],
}


def answers(**changes: Any) -> dict[str, Any]:
    result = dict(PREPARED)
    for key, value in changes.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def test_a_fully_prepared_household_is_well_prepared_everywhere_with_full_scores() -> None:
    assessment = assess(FEATURES, answers())
    assert assessment.level_id == "well_prepared"
    assert assessment.score == 100
    assert [(d.domain_id, d.score, d.level_id) for d in assessment.domains] == [
        ("water", 100, "well_prepared"),
        ("contact", 100, "well_prepared"),
    ]


def test_a_domain_score_is_the_weighted_share_of_points_earned() -> None:
    # water_litres (weight 3) earns 1 of 2 points, refresh (weight 1) earns 1 of 1: (3*0.5 + 1) / 4 = 62.5
    assessment = assess(FEATURES, answers(water_litres=10))
    assert assessment.domain("water").score == 62
    assert assessment.domain("water").level_id == "on_the_way"


def test_the_explanation_says_which_answer_cost_how_many_points() -> None:
    water = assess(FEATURES, answers(water_litres=10, refresh="no")).domain("water")
    assert [(lost.question_id, lost.points_lost) for lost in water.lost] == [("water_litres", 37.5), ("refresh", 25.0)]


def test_a_critical_answer_caps_its_domain_whatever_else_is_answered() -> None:
    contact = assess(FEATURES, answers(radio="none", channels=["paper_list", "meeting_place", "neighbours"])).domain("contact")
    assert contact.uncapped_score == 50
    assert contact.level_id == "vulnerable"
    assert contact.score == 49
    assert [cap.question_id for cap in contact.caps] == ["radio"]


def test_critical_if_caps_the_domain_for_a_number_answer() -> None:
    water = assess(FEATURES, answers(water_litres=0)).domain("water")
    assert water.level_id == "vulnerable"
    assert [cap.question_id for cap in water.caps] == ["water_litres"]


def test_the_overall_level_is_at_most_one_above_the_weakest_domain() -> None:
    assessment = assess(FEATURES, answers(water_litres=0))
    assert assessment.domain("contact").level_id == "well_prepared"
    assert assessment.level_id == "on_the_way"


def test_not_applicable_drops_a_question_out_of_its_domain() -> None:
    contact = assess(FEATURES, answers(radio="n/a", channels=["paper_list", "meeting_place"])).domain("contact")
    assert contact.score == 100
    assert contact.not_applicable == ("radio",)


def test_an_unanswered_optional_question_drops_out_of_its_domain() -> None:
    contact = assess(FEATURES, answers(channels=None)).domain("contact")
    assert contact.score == 100


def test_a_domain_without_any_counted_answer_does_not_apply_and_is_left_out_overall() -> None:
    assessment = assess(FEATURES, answers(radio="n/a", channels=None))
    assert assessment.domain("contact").applies is False
    assert assessment.score == assessment.domain("water").score


def test_dont_know_scores_and_caps_like_no() -> None:
    with_no = assess(FEATURES, answers(pets=1, pet_plan="no")).domain("contact")
    with_dont_know = assess(FEATURES, answers(pets=1, pet_plan="dont_know")).domain("contact")
    assert (with_dont_know.score, with_dont_know.level_id) == (with_no.score, with_no.level_id)
    assert [cap.question_id for cap in with_dont_know.caps] == ["pet_plan"]


def test_dont_know_triggers_the_same_advice_as_no() -> None:
    assert "refresh_water" in assess(FEATURES, answers(refresh="dont_know")).action_ids()
    assert "refresh_water" in assess(FEATURES, answers(refresh="no")).action_ids()
    assert "refresh_water" not in assess(FEATURES, answers(refresh="yes")).action_ids()


def test_multiple_choice_points_add_up_to_at_most_max_points() -> None:
    contact = assess(FEATURES, answers(channels=["paper_list", "meeting_place", "neighbours"])).domain("contact")
    assert contact.score == 100


def test_a_failed_gate_holds_the_domain_below_that_level_despite_a_high_score() -> None:
    backups = assess(GATES, {"has_backup": "yes", "offline_copy": "no", "restore_tested": "yes"}).domain("backups")
    assert backups.uncapped_score == 80
    assert backups.level_id == "basic"
    assert backups.failed_gate == "managed"
    assert backups.score == 69


def test_the_lowest_gate_decides_when_several_fail() -> None:
    backups = assess(GATES, {"has_backup": "no", "offline_copy": "no", "restore_tested": "yes"}).domain("backups")
    assert backups.level_id == "initial"


def test_all_gates_passed_reaches_the_top_level() -> None:
    backups = assess(GATES, {"has_backup": "yes", "offline_copy": "yes", "restore_tested": "yes"}).domain("backups")
    assert (backups.level_id, backups.score) == ("managed", 100)


def test_hidden_questions_do_not_count_even_if_answered() -> None:
    shown = assess(FEATURES, answers(pets=0))
    with_stale_answer = assess(FEATURES, answers(pets=0, pet_plan="no"))
    assert with_stale_answer.domains == shown.domains
    assert "pet_plan" not in with_stale_answer.answers


def test_missing_unknown_and_invalid_answers_are_reported_together() -> None:
    # "refresh" is not missing: it is only shown once a valid number of adults is known.
    with pytest.raises(InvalidAnswers) as raised:
        assess(FEATURES, {"adults": 0, "radio": "fm", "colour": "blue", "channels": ["nothing", "paper_list"], "pets": 1.5})
    problems = {(p.question_id, p.code) for p in raised.value.problems}
    assert problems == {
        ("adults", "out_of_range"),
        ("radio", "unknown_option"),
        ("colour", "unknown_question"),
        ("channels", "exclusive_option"),
        ("pets", "not_a_whole_number"),
        ("water_litres", "missing"),
    }


@pytest.mark.parametrize(
    ("answers_document", "code"),
    [
        ([1, 2], "not_an_object"),
        ({"adults": True}, "not_a_whole_number"),
        ({"adults": "2; drop table"}, "not_a_whole_number"),
        ({"adults": "2²"}, "not_a_whole_number"),
        ({"adults": "١٢"}, "not_a_whole_number"),
        ({"refresh": "n/a"}, "not_applicable_not_allowed"),
        ({"channels": "paper_list"}, "not_a_list"),
        ({"channels": []}, "empty_choice"),
    ],
)
def test_malformed_answers_get_a_clear_problem_not_a_traceback(answers_document: Any, code: str) -> None:
    with pytest.raises(InvalidAnswers) as raised:
        assess(FEATURES, answers_document)
    assert code in {problem.code for problem in raised.value.problems}


def test_overlong_text_answers_are_refused() -> None:
    with pytest.raises(InvalidAnswers) as raised:
        assess(FEATURES, answers(pets=1, pet_plan="yes", note="x" * 101))
    assert [(p.question_id, p.code) for p in raised.value.problems] == [("note", "too_long")]


OVERALL_GATE = load_questionnaire(TEST_QUESTIONNAIRES / "overall_gate.yaml")


def test_a_failed_overall_gate_keeps_the_household_below_that_level_though_every_domain_reaches_it() -> None:
    assessment = assess(OVERALL_GATE, {"enough_water": "no", "container": "yes", "phone_list": "yes"})
    assert [(domain.domain_id, domain.level_id) for domain in assessment.domains] == [
        ("water", "well_prepared"),
        ("contact", "well_prepared"),
    ]
    assert assessment.domain("water").failed_overall_gate == "well_prepared"
    assert (assessment.level_id, assessment.score) == ("on_the_way", 79)


def test_dont_know_fails_an_overall_gate_like_no() -> None:
    assessment = assess(OVERALL_GATE, {"enough_water": "dont_know", "container": "yes", "phone_list": "yes"})
    assert assessment.level_id == "on_the_way"


def test_a_passed_overall_gate_holds_nothing_back() -> None:
    assessment = assess(OVERALL_GATE, {"enough_water": "yes", "container": "yes", "phone_list": "yes"})
    assert (assessment.level_id, assessment.score) == ("well_prepared", 100)
    assert assessment.domain("water").failed_overall_gate is None

"""Re-check codes: round trip, damage, codes from an older questionnaire version, and what changed per domain."""

from __future__ import annotations

import base64
import dataclasses

import pytest

from prepcheck.engine import Questionnaire, assess
from prepcheck.engine.model import Page, Question
from prepcheck.engine.questionnaires import QuestionnaireRegistry
from prepcheck.engine.recheck_code import (
    FORMAT_VERSION,
    RecheckCodeError,
    Snapshot,
    assessment_code,
    compare,
    decode,
    decode_code,
    encode,
)
from prepcheck.resources import bundled_dir
from tests.api.api_helpers import fixture_answers
from tests.support.handmade_codes import pack


@pytest.fixture(scope="module")
def registry() -> QuestionnaireRegistry:
    return QuestionnaireRegistry.from_folder(bundled_dir("questionnaires"))


@pytest.fixture(scope="module")
def household(registry: QuestionnaireRegistry) -> Questionnaire:
    return registry["household"]


@pytest.mark.parametrize(("questionnaire_id", "fixture"), [("household", "household_family"), ("business", "business_photonics")])
def test_encode_then_decode_gives_the_same_answers(registry: QuestionnaireRegistry, questionnaire_id: str, fixture: str) -> None:
    questionnaire, answers = registry[questionnaire_id], fixture_answers(fixture)
    code = encode(questionnaire, answers)
    decoded, notes = decode(questionnaire, code)
    assert decoded == dict(assess(questionnaire, answers).answers)
    assert notes == []
    assert assess(questionnaire, decoded).score == assess(questionnaire, answers).score


def test_a_scored_checks_code_is_made_from_its_assessment_alone_and_reads_back_the_same(household: Questionnaire) -> None:
    answers = fixture_answers("household_family")
    assessment = assess(household, answers)
    code = assessment_code(assessment)
    assert code == encode(household, answers, assessment)
    decoded = decode_code(household, code)
    assert decoded.answers == dict(assessment.answers)
    assert decoded.previous == Snapshot.of(assessment)


def test_code_is_url_safe_short_and_starts_with_its_format_version(household: Questionnaire) -> None:
    code = encode(household, fixture_answers("household_family"))
    assert set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert len(code) < 800
    assert base64.urlsafe_b64decode(code[:4])[0] == FORMAT_VERSION == 1


def test_answers_on_an_abandoned_branch_are_left_out_of_the_code(household: Questionnaire) -> None:
    answers = fixture_answers("household_family")
    assert answers["place"] == "netherlands" and "cistern" in answers
    decoded, _ = decode(household, encode(household, answers))
    assert "cistern" not in decoded
    assert decoded["water_litres"] == answers["water_litres"]


def test_code_survives_line_breaks_and_spaces_from_copying(household: Questionnaire) -> None:
    code = encode(household, {"adults": 2})
    broken = " ".join(code[i : i + 10] for i in range(0, len(code), 10)) + "\n"
    assert decode(household, broken) == ({"adults": 2}, [])


def test_every_single_character_change_is_reported_as_damage(household: Questionnaire) -> None:
    code = encode(household, fixture_answers("household_family"))
    for position in range(0, len(code), 7):
        replacement = "A" if code[position] != "A" else "B"
        damaged = code[:position] + replacement + code[position + 1 :]
        with pytest.raises(RecheckCodeError) as caught:
            decode(household, damaged)
        assert caught.value.reason in ("damaged", "newer_format")


def test_a_truncated_code_gets_a_plain_message(household: Questionnaire) -> None:
    code = encode(household, fixture_answers("household_family"))
    with pytest.raises(RecheckCodeError, match="damaged") as caught:
        decode(household, code[: len(code) // 2])
    assert caught.value.reason == "damaged"
    assert "Copy the whole code again" in caught.value.message


@pytest.mark.parametrize(
    ("code", "reason"),
    [("", "empty"), ("not a code!", "not_a_code"), ("é" * 20, "not_a_code"), ("A" * 9000, "too_long"), ("AQ", "damaged")],
)
def test_things_that_are_not_codes_are_refused_clearly(household: Questionnaire, code: str, reason: str) -> None:
    with pytest.raises(RecheckCodeError) as caught:
        decode(household, code)
    assert caught.value.reason == reason


def test_a_code_for_another_questionnaire_is_refused(registry: QuestionnaireRegistry) -> None:
    code = encode(registry["business"], fixture_answers("business_photonics"))
    with pytest.raises(RecheckCodeError, match="business") as caught:
        decode(registry["household"], code)
    assert caught.value.reason == "other_questionnaire"


def test_encoding_refuses_answers_that_do_not_fit(household: Questionnaire) -> None:
    with pytest.raises(ValueError, match="adults"):
        encode(household, {"adults": "many"})


def _next_version(questionnaire: Questionnaire) -> Questionnaire:
    """The household check as a later version: first_aid removed, one news source gone, fewer adults allowed."""

    def change(question: Question) -> Question:
        if question.id == "news_sources":
            return dataclasses.replace(question, options=tuple(o for o in question.options if o.value != "regional_radio"))
        if question.id == "adults":
            return dataclasses.replace(question, maximum=1)
        return question

    def page(old: Page) -> Page:
        return dataclasses.replace(old, questions=tuple(change(q) for q in old.questions if q.id != "first_aid"))

    return dataclasses.replace(
        questionnaire, version=questionnaire.version + 1, pages=tuple(page(p) for p in questionnaire.pages)
    )


def test_a_code_from_an_older_version_keeps_the_answers_that_still_fit(household: Questionnaire) -> None:
    answers = fixture_answers("household_family")
    code = encode(household, answers)
    newer = _next_version(household)
    kept, notes = decode(newer, code)
    by_question = {note.question_id: note.code for note in notes}
    assert by_question == {
        None: "other_version",
        "first_aid": "question_removed",
        "news_sources": "options_removed",
        "adults": "answer_no_longer_valid",
    }
    assert "first_aid" not in kept and "adults" not in kept
    assert kept["news_sources"] == ["official_alerts"]
    assert kept["water_litres"] == answers["water_litres"]
    assert all(note.message for note in notes)


def test_compare_shows_score_and_level_per_domain_before_and_after(household: Questionnaire) -> None:
    answers = fixture_answers("household_family")
    before = assess(household, answers)
    better = assess(household, {**answers, "first_aid": "yes", "water_litres": 200, "radio": "battery_spares"})
    comparison = compare(before, better)
    assert comparison.overall.score_before == before.score
    assert comparison.overall.score_after == better.score
    assert comparison.overall.direction == "better"
    by_domain = {change.domain_id: change for change in comparison.domains}
    assert by_domain.keys() == {d.domain_id for d in better.domains if d.applies}
    water = by_domain["water_food"]
    assert water.score_change is not None and water.score_change > 0
    assert (water.level_before, water.level_after) == (before.domain("water_food").level_id, better.domain("water_food").level_id)
    assert any(change.direction == "same" for change in comparison.domains)


def test_compare_marks_domains_that_apply_only_now_or_only_then(household: Questionnaire) -> None:
    before = Snapshot(60, "on_the_way", {"water": (50, "on_the_way"), "retired_domain": (80, "well_prepared")})
    after = Snapshot(70, "on_the_way", {"water": (70, "on_the_way"), "new_domain": (40, "vulnerable")})
    directions = {change.domain_id: change.direction for change in compare(before, after).domains}
    assert directions == {"water": "better", "new_domain": "new", "retired_domain": "gone"}


def test_a_code_with_scores_lets_the_next_check_show_what_changed(household: Questionnaire) -> None:
    answers = fixture_answers("household_family")
    last_year = assess(household, answers)
    code = encode(household, answers, last_year)
    decoded = decode_code(household, code)
    assert decoded.previous == Snapshot.of(last_year)
    this_year = assess(household, {**decoded.answers, "go_bag": "yes"})
    comparison = compare(decoded.previous, this_year)
    assert comparison.overall.score_before == last_year.score


@pytest.mark.parametrize(
    "document",
    [
        ["household", 1, {"adults": "\ud800"}, None],
        ["household", 1, {"\udfff": 1}, None],
        ["household", 1, {}, [50, "\ud800", {}]],
        ["household", 1, {}, [50, "prepared", {"\ud800": [1, "prepared"]}]],
        ["household\ud800", 1, {}, None],
    ],
    ids=["answer", "question id", "level", "domain", "questionnaire id"],
)
def test_a_code_holding_a_lone_surrogate_is_damaged(household: Questionnaire, document: list[object]) -> None:
    # No code prepcheck makes holds one (it could not be written as UTF-8), so this one was forged or broken.
    with pytest.raises(RecheckCodeError) as caught:
        decode_code(household, pack(document))
    assert caught.value.reason == "damaged"

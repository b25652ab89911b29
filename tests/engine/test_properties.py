"""Properties of assess() over random valid answer sets, for every bundled questionnaire."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prepcheck.engine import assess, check_answers, load_questionnaire
from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Questionnaire, QuestionType
from prepcheck.engine.scoring import earned_points
from tests.engine.answer_strategies import answer_for, complete_answers
from tests.support.plan_order import order_breaks

ROOT = Path(__file__).resolve().parents[2] / "questionnaires"
QUESTIONNAIRES = [load_questionnaire(path) for path in sorted([*ROOT.glob("*.yaml"), *(ROOT / "test").glob("*.yaml")])]
# The number of examples comes from the profile (tests/conftest.py): 25 locally, 150 under CI=true.
PROPERTY_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def rule_inputs(questionnaire: Questionnaire) -> set[str]:
    """Questions that decide what is shown: changing them may legitimately move other answers in or out."""
    names: set[str] = set()
    for page in questionnaire.pages:
        if page.show_if:
            names |= page.show_if.names
        for question in page.questions:
            if question.show_if:
                names |= question.show_if.names
    return names


def by_id(questionnaire: Questionnaire) -> str:
    return questionnaire.id


@pytest.mark.parametrize("questionnaire", QUESTIONNAIRES, ids=by_id)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_scores_stay_between_0_and_100(questionnaire: Questionnaire, data: st.DataObject) -> None:
    assessment = assess(questionnaire, data.draw(complete_answers(questionnaire)))
    assert 0 <= assessment.score <= 100
    assert all(0 <= domain.score <= 100 for domain in assessment.domains)


@pytest.mark.parametrize("questionnaire", QUESTIONNAIRES, ids=by_id)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_the_result_is_identical_on_repeat(questionnaire: Questionnaire, data: st.DataObject) -> None:
    answers = data.draw(complete_answers(questionnaire))
    assert assess(questionnaire, answers) == assess(questionnaire, dict(reversed(list(answers.items()))))


@pytest.mark.parametrize("questionnaire", QUESTIONNAIRES, ids=by_id)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_no_step_of_the_plan_comes_after_a_later_one_or_a_less_urgent_one_of_its_timeframe(
    questionnaire: Questionnaire, data: st.DataObject
) -> None:
    assessment = assess(questionnaire, data.draw(complete_answers(questionnaire)))
    assert order_breaks(questionnaire, assessment.action_ids()) == []


@pytest.mark.parametrize("questionnaire", QUESTIONNAIRES, ids=by_id)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_answers_to_hidden_questions_change_nothing(questionnaire: Questionnaire, data: st.DataObject) -> None:
    answers = data.draw(complete_answers(questionnaire))
    _, path, _ = check_answers(questionnaire, answers)
    shown = {question.id for question in path.questions}
    only_shown = {key: value for key, value in answers.items() if key in shown}
    assert assess(questionnaire, answers) == assess(questionnaire, only_shown)


@pytest.mark.parametrize("questionnaire", QUESTIONNAIRES, ids=by_id)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_a_better_scoring_answer_never_lowers_its_domain_score(questionnaire: Questionnaire, data: st.DataObject) -> None:
    answers: dict[str, Any] = data.draw(complete_answers(questionnaire))
    _, path, _ = check_answers(questionnaire, answers)
    candidates = [
        q
        for q in path.questions
        if q.scores and q.id not in rule_inputs(questionnaire) and answers.get(q.id, NOT_APPLICABLE_VALUE) != NOT_APPLICABLE_VALUE
    ]
    if not candidates:
        return
    question = data.draw(st.sampled_from(candidates))
    new_answer = data.draw(answer_for(question).filter(lambda value: value != NOT_APPLICABLE_VALUE))
    before = assess(questionnaire, answers)
    after = assess(questionnaire, {**answers, question.id: new_answer})
    env_before: dict[str, Any] = {**before.answers, **{q.quantity_id: q.value for q in before.quantities}}
    env_after: dict[str, Any] = {**after.answers, **{q.quantity_id: q.value for q in after.quantities}}
    old_points = points(question, answers[question.id], env_before)
    new_points = points(question, new_answer, env_after)
    if new_points >= old_points:
        assert after.domain(question.domain).score >= before.domain(question.domain).score  # type: ignore[arg-type]


def points(question: Any, raw: Any, env: dict[str, Any]) -> float:
    from prepcheck.engine.answers import convert_answer

    value, _ = convert_answer(question, raw)
    if question.type is QuestionType.NUMBER:
        env = {**env, question.id: value}
    return earned_points(question, value, env) or 0.0

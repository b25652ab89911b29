"""The worst-case household (the plan the PDF time limit is set for) stays the longest plan one household can get."""

from __future__ import annotations

from typing import Any

from prepcheck.engine import InvalidAnswers, assess, compute_path, load_questionnaire
from prepcheck.engine.model import Question, QuestionType
from prepcheck.resources import bundled_dir
from tests.support.worst_case import worst_case_answers

HOUSEHOLD = load_questionnaire(bundled_dir("questionnaires") / "household.yaml")


def _other_answers(question: Question) -> list[Any]:
    if question.type is QuestionType.NUMBER:
        return sorted({question.minimum or 0, (question.minimum or 0) + 1, 2, 5, question.maximum or 20})
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return [[option.value] for option in question.options] + [
            [option.value for option in question.options if not option.exclusive]
        ]
    if question.type is QuestionType.TEXT:
        return ["x" * (question.max_length or 200)]
    return [option.value for option in question.options]


def _action_count(answers: dict[str, Any]) -> int:
    try:
        return len(assess(HOUSEHOLD, answers).actions)
    except InvalidAnswers:
        return 0


def test_the_worst_case_gets_forty_five_of_the_households_actions_and_only_shown_questions_are_answered() -> None:
    answers = worst_case_answers()
    assert _action_count(answers) == 45
    assert set(answers) == {question.id for question in compute_path(HOUSEHOLD, answers).questions}


def test_no_single_other_answer_gives_the_worst_case_household_a_longer_plan() -> None:
    answers = worst_case_answers()
    longer = [
        (question.id, other)
        for question in HOUSEHOLD.questions
        for other in _other_answers(question)
        if _action_count({**answers, question.id: other}) > 45
    ]
    assert longer == []

"""Answers that make plans to print: random households (seeded) and the worst case, the most actions a check can give."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from prepcheck.engine import Assessment, Questionnaire, assess
from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question, QuestionType

EVERYDAY_NUMBER = 12
"""Random numbers stay at or below this (or the question's minimum): 2 000 litres or 14 adults is not a household."""


def random_answers(questionnaire: Questionnaire, generator: random.Random) -> dict[str, Any]:
    """A complete, valid answers document, every question answered at random."""
    answers: dict[str, Any] = {}
    for question in questionnaire.questions:
        if question.type is QuestionType.NUMBER:
            low = question.minimum or 0
            answers[question.id] = generator.randint(low, max(low, min(question.maximum or EVERYDAY_NUMBER, EVERYDAY_NUMBER)))
        elif question.type is QuestionType.MULTIPLE_CHOICE:
            plain = [option.value for option in question.options if not option.exclusive]
            answers[question.id] = generator.sample(plain, generator.randint(1, len(plain)))
        elif question.type is QuestionType.TEXT:
            answers[question.id] = "x"
        else:
            answers[question.id] = generator.choice(_choices(question))
    return answers


def _choices(question: Question) -> list[Any]:
    return [option.value for option in question.options] + ([NOT_APPLICABLE_VALUE] if question.not_applicable else [])


def _candidates(question: Question) -> Sequence[Any]:
    """The answers worth trying for the worst case: every choice, and numbers at their edges and in between."""
    if question.type is QuestionType.NUMBER:
        low, high = question.minimum or 0, question.maximum or EVERYDAY_NUMBER
        return sorted({low, min(low + 1, high), min(low + 2, high), min(low + 5, high), (low + high) // 2, high})
    if question.type is QuestionType.MULTIPLE_CHOICE:
        plain = [option.value for option in question.options if not option.exclusive]
        exclusive = [[option.value] for option in question.options if option.exclusive]
        return [[value] for value in plain] + exclusive + [plain]
    if question.type is QuestionType.TEXT:
        return ["x"]
    return _choices(question)


def _weakest(question: Question) -> Any:
    """The answer that earns the fewest points (the last of equals: "I don't know" rather than "No")."""
    candidates = _candidates(question)
    if not question.options:
        return candidates[0]
    points = {option.value: option.points or 0.0 for option in question.options}
    scored = [candidate for candidate in candidates if isinstance(candidate, str) and candidate in points]
    return min(reversed(scored), key=lambda value: points[value]) if scored else candidates[0]


def _weight(assessment: Assessment, questionnaire: Questionnaire) -> tuple[int, int]:
    """More actions first, then more words in them: what makes a plan longest."""
    actions = [questionnaire.actions_by_id[planned.action_id] for planned in assessment.actions]
    return len(actions), sum(len(action.title) + len(action.text) + len(action.why) for action in actions)


def worst_case_answers(questionnaire: Questionnaire, rounds: int = 3) -> dict[str, Any]:
    """The answers that give the longest plan: every question changed in turn while that makes the plan longer."""
    answers = {question.id: _weakest(question) for question in questionnaire.questions}
    best = _weight(assess(questionnaire, answers), questionnaire)
    for _ in range(rounds):
        improved = False
        for question in questionnaire.questions:
            for candidate in _candidates(question):
                trial = {**answers, question.id: candidate}
                weight = _weight(assess(questionnaire, trial), questionnaire)
                if weight > best:
                    answers, best, improved = trial, weight, True
        if not improved:
            break
    return answers

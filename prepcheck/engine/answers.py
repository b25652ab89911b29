"""Checks raw answers against a questionnaire and turns them into the values rules read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prepcheck.engine.answer_types import ANSWER_TYPES, DOCUMENT_FORMS
from prepcheck.engine.answer_types.base import AnswerValue, Problem, problem
from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question, Questionnaire, QuestionType
from prepcheck.engine.rules import NOT_APPLICABLE

__all__ = ["MAX_ANSWERS", "AnswerValue", "Problem", "convert_answer", "convert_answers", "to_document"]

MAX_ANSWERS = 2000

# Plain dicts of the registry's entries: they are looked up for answer after answer.
_CONVERTERS = {question_type: kind.convert for question_type, kind in ANSWER_TYPES.items()}
_DOCUMENT_FORMS = dict(DOCUMENT_FORMS)


def convert_answer(question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
    """Convert one raw answer (as JSON or a form gives it) into its rule value, or say what is wrong."""
    # The common cases first, inline for speed (assess() converts every answer): a known option, a whole number
    # in range. Everything else, and every other answer type, goes to the answer type's own convert().
    if question.scores_by_option:
        if type(raw) is str and raw in question.option_points:
            return raw, None
    elif question.type is QuestionType.NUMBER and type(raw) is int:
        if (question.minimum is None or raw >= question.minimum) and (question.maximum is None or raw <= question.maximum):
            return raw, None
    if raw == NOT_APPLICABLE_VALUE:
        if question.not_applicable:
            return NOT_APPLICABLE, None
        return None, problem(
            question.id, "not_applicable_not_allowed", f"'{question.id}' cannot be answered with \"not applicable\""
        )
    return _CONVERTERS[question.type](question, raw)


def convert_answers(questionnaire: Questionnaire, raw_answers: Any) -> tuple[dict[str, AnswerValue], list[Problem]]:
    """Convert every answer; unknown ids and bad values are all reported, and left out of the result."""
    if not isinstance(raw_answers, Mapping):
        return {}, [problem(None, "not_an_object", "the answers must be an object that maps question ids to answers")]
    if len(raw_answers) > MAX_ANSWERS:
        return {}, [problem(None, "too_many_answers", f"at most {MAX_ANSWERS} answers are accepted")]
    values: dict[str, AnswerValue] = {}
    problems: list[Problem] = []
    for question_id, raw in raw_answers.items():
        question = questionnaire.questions_by_id.get(question_id) if isinstance(question_id, str) else None
        if question is None:
            problems.append(problem(str(question_id)[:80], "unknown_question", f"there is no question '{str(question_id)[:80]}'"))
            continue
        if raw is None:
            continue
        value, found = convert_answer(question, raw)
        if found is not None:
            problems.append(found)
        else:
            values[question_id] = value
    return values, problems


def to_document(values: Mapping[str, AnswerValue]) -> dict[str, Any]:
    """Turn rule values back into plain JSON answers (the inverse of convert_answers)."""
    document: dict[str, Any] = {}
    for question_id, value in values.items():
        value_type = type(value)
        if value_type is str or value_type is int:
            document[question_id] = value
        elif value is NOT_APPLICABLE:
            document[question_id] = NOT_APPLICABLE_VALUE
        else:
            form = _DOCUMENT_FORMS.get(value_type)
            document[question_id] = value if form is None else form(value)
    return document

"""Checks raw answers against a questionnaire and turns them into the values rules read."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question, Questionnaire, QuestionType
from prepcheck.engine.rules import NOT_APPLICABLE

AnswerValue = Any
"""int for numbers, str for single choice / yes-no / text, frozenset[str] for multiple choice, or NOT_APPLICABLE."""

MAX_ANSWERS = 2000
# ASCII digits only: str.isdigit() also accepts characters such as "²" that int() refuses.
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,12}")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the answers, tied to the question it concerns."""

    question_id: str | None
    code: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)


def _problem(question_id: str | None, code: str, message: str, **params: Any) -> Problem:
    return Problem(question_id=question_id, code=code, message=message, params=params)


def convert_answer(question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
    """Convert one raw answer (as JSON or a form gives it) into its rule value, or say what is wrong."""
    # The common cases first, for speed: a known option, a whole number in range.
    if question.scores_by_option:
        if type(raw) is str and raw in question.option_points:
            return raw, None
    elif question.type is QuestionType.NUMBER and type(raw) is int:
        if (question.minimum is None or raw >= question.minimum) and (question.maximum is None or raw <= question.maximum):
            return raw, None
    if raw == NOT_APPLICABLE_VALUE:
        if question.not_applicable:
            return NOT_APPLICABLE, None
        return None, _problem(
            question.id, "not_applicable_not_allowed", f"'{question.id}' cannot be answered with \"not applicable\""
        )
    converter = _CONVERTERS[question.type]
    return converter(question, raw)


def _convert_number(question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
    value: int | None = None
    if isinstance(raw, bool):
        value = None
    elif isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and raw.is_integer():
        value = int(raw)
    elif isinstance(raw, str) and _WHOLE_NUMBER.fullmatch(raw.strip()):
        value = int(raw.strip())
    if value is None:
        return None, _problem(question.id, "not_a_whole_number", f"'{question.id}' needs a whole number", value=str(raw)[:40])
    low, high = question.minimum, question.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        return None, _problem(
            question.id, "out_of_range", f"'{question.id}' must be between {low} and {high}", minimum=low, maximum=high
        )
    return value, None


def _convert_single(question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
    if not isinstance(raw, str) or raw not in question.option_values:
        return None, _problem(question.id, "unknown_option", f"'{question.id}' has no option {str(raw)[:40]!r}")
    return raw, None


def _convert_multiple(question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
    if not isinstance(raw, (list, tuple)) or not all(isinstance(item, str) for item in raw):
        return None, _problem(question.id, "not_a_list", f"'{question.id}' needs a list of options")
    chosen = frozenset(raw)
    unknown = chosen - question.option_values
    if unknown:
        shown = ", ".join(sorted(value[:40] for value in unknown))
        return None, _problem(question.id, "unknown_option", f"'{question.id}' has no option(s) {shown}")
    exclusive = {option.value for option in question.options if option.exclusive}
    if chosen & exclusive and len(chosen) > 1:
        return None, _problem(
            question.id,
            "exclusive_option",
            f"'{question.id}': \"{sorted(chosen & exclusive)[0]}\" cannot be combined with other options",
        )
    if not chosen:
        return None, _problem(question.id, "empty_choice", f"'{question.id}' needs at least one option")
    return chosen, None


def _convert_text(question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
    if not isinstance(raw, str):
        return None, _problem(question.id, "not_text", f"'{question.id}' needs text")
    text = raw.strip()
    if len(text) > question.max_length:
        return None, _problem(
            question.id,
            "too_long",
            f"'{question.id}' may be at most {question.max_length} characters",
            maximum=question.max_length,
        )
    return text, None


_CONVERTERS = {
    QuestionType.NUMBER: _convert_number,
    QuestionType.SINGLE_CHOICE: _convert_single,
    QuestionType.YES_NO: _convert_single,
    QuestionType.MULTIPLE_CHOICE: _convert_multiple,
    QuestionType.TEXT: _convert_text,
}


def convert_answers(questionnaire: Questionnaire, raw_answers: Any) -> tuple[dict[str, AnswerValue], list[Problem]]:
    """Convert every answer; unknown ids and bad values are all reported, and left out of the result."""
    if not isinstance(raw_answers, Mapping):
        return {}, [_problem(None, "not_an_object", "the answers must be an object that maps question ids to answers")]
    if len(raw_answers) > MAX_ANSWERS:
        return {}, [_problem(None, "too_many_answers", f"at most {MAX_ANSWERS} answers are accepted")]
    values: dict[str, AnswerValue] = {}
    problems: list[Problem] = []
    for question_id, raw in raw_answers.items():
        question = questionnaire.questions_by_id.get(question_id) if isinstance(question_id, str) else None
        if question is None:
            problems.append(
                _problem(str(question_id)[:80], "unknown_question", f"there is no question '{str(question_id)[:80]}'")
            )
            continue
        if raw is None:
            continue
        value, problem = convert_answer(question, raw)
        if problem is not None:
            problems.append(problem)
        else:
            values[question_id] = value
    return values, problems


def to_document(values: Mapping[str, AnswerValue]) -> dict[str, Any]:
    """Turn rule values back into plain JSON answers (the inverse of convert_answers)."""
    document: dict[str, Any] = {}
    for question_id, value in values.items():
        if value is NOT_APPLICABLE:
            document[question_id] = NOT_APPLICABLE_VALUE
        elif isinstance(value, frozenset):
            document[question_id] = sorted(value)
        else:
            document[question_id] = value
    return document

"""The answer types, one module each, and the registry that generic engine code asks instead of branching on a type."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from prepcheck.engine.answer_types.base import N_, AnswerType, OptionLabel, Wording
from prepcheck.engine.answer_types.date import Date
from prepcheck.engine.answer_types.multiple_choice import MultipleChoice
from prepcheck.engine.answer_types.number import Number
from prepcheck.engine.answer_types.single_choice import SingleChoice
from prepcheck.engine.answer_types.text import Text
from prepcheck.engine.answer_types.yes_no import YesNo
from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question, QuestionType
from prepcheck.engine.schema_parts import Schema

ANSWER_TYPES: Mapping[QuestionType, AnswerType] = MappingProxyType(
    {kind.question_type: kind for kind in (SingleChoice(), MultipleChoice(), YesNo(), Number(), Text(), Date())}
)
if set(ANSWER_TYPES) != set(QuestionType):
    raise ImportError(f"question types without an answer type: {sorted(set(QuestionType) - set(ANSWER_TYPES))}")


def answer_type(question_type: QuestionType) -> AnswerType:
    return ANSWER_TYPES[question_type]


def _type_keys() -> Mapping[str, Schema]:
    keys: dict[str, Schema] = {}
    for kind in ANSWER_TYPES.values():
        for key, schema in kind.keys.items():
            if keys.setdefault(key, schema) != schema:
                raise ImportError(f"two answer types give the key '{key}' different schemas")
    return MappingProxyType(keys)


TYPE_KEYS = _type_keys()
"""Every key that only some answer types allow, with its JSON Schema."""

DOCUMENT_FORMS: Mapping[type, Callable[[Any], Any]] = MappingProxyType(
    {kind.value_type: kind.to_document for kind in ANSWER_TYPES.values() if kind.value_type is not None}
)
"""Rule value type -> its JSON form, for the types whose rule values are not JSON already."""


def label_answer(question: Question, answer: Any, words: Wording) -> str:
    """An answer in its JSON form (as stored) in the reader's words."""
    if answer == NOT_APPLICABLE_VALUE:
        return words.ui(N_("Not applicable"))
    return ANSWER_TYPES[question.type].label(question, answer, words)


def option_labels(question: Question, words: Wording) -> tuple[OptionLabel, ...]:
    """The options a front end offers for this question, without "not applicable"."""
    return ANSWER_TYPES[question.type].option_labels(question, words)


__all__ = [
    "ANSWER_TYPES",
    "DOCUMENT_FORMS",
    "TYPE_KEYS",
    "AnswerType",
    "OptionLabel",
    "Wording",
    "answer_type",
    "label_answer",
    "option_labels",
]

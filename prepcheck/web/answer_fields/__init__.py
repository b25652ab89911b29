"""The answer types on a web page, one module each: QuestionType -> its WTForms field, reader and macro."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from prepcheck.engine.model import QuestionType
from prepcheck.web.answer_fields.base import AnswerField
from prepcheck.web.answer_fields.date import DateField
from prepcheck.web.answer_fields.multiple_choice import MultipleChoiceField
from prepcheck.web.answer_fields.number import NumberField
from prepcheck.web.answer_fields.single_choice import SingleChoiceField
from prepcheck.web.answer_fields.text import TextField
from prepcheck.web.answer_fields.yes_no import YesNoField

ANSWER_FIELDS: Mapping[QuestionType, AnswerField] = MappingProxyType(
    {
        QuestionType.SINGLE_CHOICE: SingleChoiceField(),
        QuestionType.MULTIPLE_CHOICE: MultipleChoiceField(),
        QuestionType.YES_NO: YesNoField(),
        QuestionType.NUMBER: NumberField(),
        QuestionType.TEXT: TextField(),
        QuestionType.DATE: DateField(),
    }
)
if set(ANSWER_FIELDS) != set(QuestionType):
    raise ImportError(f"question types without a web field: {sorted(set(QuestionType) - set(ANSWER_FIELDS))}")


def answer_field(question_type: QuestionType) -> AnswerField:
    return ANSWER_FIELDS[question_type]


__all__ = ["ANSWER_FIELDS", "AnswerField", "answer_field"]

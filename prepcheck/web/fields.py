"""The registry: answer type -> WTForms field builder, how to read the field, and the Jinja macro that renders it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask_babel import LazyString, lazy_gettext
from wtforms import Field, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.fields.core import UnboundField

from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question, QuestionType

Builder = Callable[[Question], UnboundField]
Reader = Callable[[Field], Any]


@dataclass(frozen=True, slots=True)
class AnswerField:
    """How one answer type becomes a form field and back."""

    build: Builder
    read: Reader
    macro: str
    missing: LazyString
    multiple_values: bool = False


def _choice_values(question: Question) -> list[SelectChoice]:
    values = [SelectChoice(option.value) for option in question.options]
    if question.not_applicable:
        values.append(SelectChoice(NOT_APPLICABLE_VALUE))
    return values


def _radios(question: Question) -> UnboundField:
    # Choices are checked by the engine (one source of truth), so WTForms does not check them again.
    return RadioField(question.id, choices=_choice_values(question), validate_choice=False)


def _checkboxes(question: Question) -> UnboundField:
    return SelectMultipleField(question.id, choices=_choice_values(question), validate_choice=False)


def _number(question: Question) -> UnboundField:
    return StringField(question.id)


def _text(question: Question) -> UnboundField:
    return TextAreaField(question.id)


def _read_single(field: Field) -> Any:
    return field.data or None


def _read_multiple(field: Field) -> Any:
    chosen = list(field.data or [])
    if chosen == [NOT_APPLICABLE_VALUE]:
        return NOT_APPLICABLE_VALUE
    return chosen or None


def _read_text(field: Field) -> Any:
    text = (field.data or "").strip() if isinstance(field.data, str) else field.data
    return text if text not in ("", None) else None


FIELDS: dict[QuestionType, AnswerField] = {
    QuestionType.SINGLE_CHOICE: AnswerField(_radios, _read_single, "macros/single_choice.html", lazy_gettext("Select an answer")),
    QuestionType.YES_NO: AnswerField(_radios, _read_single, "macros/yes_no.html", lazy_gettext("Select yes, no or I don't know")),
    QuestionType.MULTIPLE_CHOICE: AnswerField(
        _checkboxes,
        _read_multiple,
        "macros/multiple_choice.html",
        lazy_gettext("Select at least one option"),
        multiple_values=True,
    ),
    QuestionType.NUMBER: AnswerField(_number, _read_text, "macros/number.html", lazy_gettext("Enter a whole number")),
    QuestionType.TEXT: AnswerField(_text, _read_text, "macros/text.html", lazy_gettext("Enter an answer")),
}

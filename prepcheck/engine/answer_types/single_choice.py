"""single_choice: one option of a list; scores the chosen option's points."""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from prepcheck.engine.answer_types.base import (
    AnswerType,
    AnswerValue,
    KeyPath,
    OptionLabel,
    Problem,
    RawQuestion,
    Reporter,
    Wording,
)
from prepcheck.engine.answer_types.options import (
    OPTIONS,
    build_choice_options,
    check_has_options,
    chosen_labels,
    convert_option,
    option_values,
    written_option_labels,
)
from prepcheck.engine.model import Option, Question, QuestionType
from prepcheck.engine.rules import NameInfo, Rule


class SingleChoice(AnswerType):
    """Radios: the answer is one option value."""

    question_type = QuestionType.SINGLE_CHOICE
    keys = MappingProxyType({"options": OPTIONS})

    def check(self, raw: RawQuestion, path: KeyPath, report: Reporter) -> None:
        check_has_options(self.question_type.value, raw, path, report)

    def build_options(self, raw: RawQuestion, path: KeyPath, report: Reporter, *, scores: bool) -> tuple[Option, ...]:
        return build_choice_options(raw, path, report, scores=scores, exclusive_allowed=False)

    def name_info(self, raw: RawQuestion) -> NameInfo:
        return NameInfo("choice", option_values(raw))

    def convert(self, question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
        return convert_option(question, raw)

    def candidates(self, question: Question, rules: Sequence[Rule]) -> list[AnswerValue]:
        return [option.value for option in question.options]

    def label(self, question: Question, answer: Any, words: Wording) -> str:
        return chosen_labels(question, [answer], words)

    def option_labels(self, question: Question, words: Wording) -> tuple[OptionLabel, ...]:
        return written_option_labels(question, words)

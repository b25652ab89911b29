"""multiple_choice: any options of a list; scores the chosen options' points, at most max_points."""

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
    problem,
)
from prepcheck.engine.answer_types.options import (
    OPTIONS,
    build_choice_options,
    check_has_options,
    chosen_labels,
    option_values,
    written_option_labels,
)
from prepcheck.engine.model import Option, Question, QuestionType
from prepcheck.engine.rules import NameInfo, Rule


class MultipleChoice(AnswerType):
    """Checkboxes: the answer is a set of option values; an exclusive option ("none of these") stands alone."""

    question_type = QuestionType.MULTIPLE_CHOICE
    keys = MappingProxyType({"options": OPTIONS, "max_points": {"type": "number", "exclusiveMinimum": 0, "maximum": 100}})
    value_type = frozenset

    def check(self, raw: RawQuestion, path: KeyPath, report: Reporter) -> None:
        check_has_options(self.question_type.value, raw, path, report)

    def build_options(self, raw: RawQuestion, path: KeyPath, report: Reporter, *, scores: bool) -> tuple[Option, ...]:
        return build_choice_options(raw, path, report, scores=scores, exclusive_allowed=True)

    def name_info(self, raw: RawQuestion) -> NameInfo:
        return NameInfo("multi", option_values(raw))

    def convert(self, question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
        if not isinstance(raw, (list, tuple)) or not all(isinstance(item, str) for item in raw):
            return None, problem(question.id, "not_a_list", f"'{question.id}' needs a list of options")
        chosen = frozenset(raw)
        unknown = chosen - question.option_values
        if unknown:
            shown = ", ".join(sorted(value[:40] for value in unknown))
            return None, problem(question.id, "unknown_option", f"'{question.id}' has no option(s) {shown}")
        exclusive = {option.value for option in question.options if option.exclusive}
        if chosen & exclusive and len(chosen) > 1:
            return None, problem(
                question.id,
                "exclusive_option",
                f"'{question.id}': \"{sorted(chosen & exclusive)[0]}\" cannot be combined with other options",
            )
        if not chosen:
            return None, problem(question.id, "empty_choice", f"'{question.id}' needs at least one option")
        return chosen, None

    def to_document(self, value: AnswerValue) -> Any:
        return sorted(value)

    def candidates(self, question: Question, rules: Sequence[Rule]) -> list[AnswerValue]:
        plain = [option.value for option in question.options if not option.exclusive]
        values: list[AnswerValue] = [frozenset({option.value}) for option in question.options]
        if plain:
            values.append(frozenset(plain))
        return values

    def label(self, question: Question, answer: Any, words: Wording) -> str:
        return chosen_labels(question, answer, words)

    def option_labels(self, question: Question, words: Wording) -> tuple[OptionLabel, ...]:
        return written_option_labels(question, words)

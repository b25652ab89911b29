"""yes_no: yes, no or "I don't know"; "don't know" earns what "no" earns and is critical where "no" is."""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from prepcheck.engine.answer_types.base import (
    N_,
    AnswerType,
    AnswerValue,
    KeyPath,
    OptionLabel,
    Problem,
    RawQuestion,
    Reporter,
    Wording,
)
from prepcheck.engine.answer_types.options import convert_option
from prepcheck.engine.model import DONT_KNOW, NO, YES, Option, Question, QuestionType
from prepcheck.engine.rules import NameInfo, Rule
from prepcheck.engine.schema_parts import POINTS, object_schema

LABELS = MappingProxyType({YES: N_("Yes"), NO: N_("No"), DONT_KNOW: N_("I don't know")})
"""Interface texts, the same in every questionnaire (so they are not in the questionnaire's own texts)."""


class YesNo(AnswerType):
    """Three radios whose values and labels are fixed; the questionnaire sets only points and what is critical."""

    question_type = QuestionType.YES_NO
    keys = MappingProxyType(
        {
            "points": object_schema(
                {"yes": POINTS, "no": POINTS},
                [],
                'Yes/no questions: points for yes and no. "Don\'t know" always earns what "no" earns.',
            ),
            "critical": {"type": "array", "items": {"enum": [YES, NO]}, "uniqueItems": True},
        }
    )

    def build_options(self, raw: RawQuestion, path: KeyPath, report: Reporter, *, scores: bool) -> tuple[Option, ...]:
        points = raw.get("points", {})
        critical = set(raw.get("critical", ()))
        yes_points, no_points = float(points.get(YES, 1.0)), float(points.get(NO, 0.0))
        return (
            Option(YES, "Yes", yes_points, critical=YES in critical),
            Option(NO, "No", no_points, critical=NO in critical),
            Option(DONT_KNOW, "I don't know", min(yes_points, no_points), critical=NO in critical),
        )

    def name_info(self, raw: RawQuestion) -> NameInfo:
        return NameInfo("choice", frozenset(LABELS), yes_no=True)

    def convert(self, question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
        return convert_option(question, raw)

    def candidates(self, question: Question, rules: Sequence[Rule]) -> list[AnswerValue]:
        return list(LABELS)

    def label(self, question: Question, answer: Any, words: Wording) -> str:
        return words.ui(LABELS[answer])

    def option_labels(self, question: Question, words: Wording) -> tuple[OptionLabel, ...]:
        return tuple(OptionLabel(option.value, words.ui(LABELS[option.value])) for option in question.options)

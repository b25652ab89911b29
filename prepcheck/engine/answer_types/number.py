"""number: a whole number between min and max, with an optional unit; scores by its first scoring band that holds."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from prepcheck.engine.answer_types.base import AnswerType, AnswerValue, KeyPath, Problem, RawQuestion, Reporter, Wording, problem
from prepcheck.engine.model import Question, QuestionType
from prepcheck.engine.rules import NameInfo, Rule
from prepcheck.engine.schema_parts import POINTS, RULE, TEXT, object_schema

# ASCII digits only: str.isdigit() also accepts characters such as "²" that int() refuses.
WHOLE_NUMBER = re.compile(r"-?[0-9]{1,12}")

_BOUND = {"type": "integer", "minimum": -1000000, "maximum": 1000000}
SCORE_BAND = object_schema(
    {"if": RULE, "points": POINTS},
    ["if", "points"],
    "Number questions: the points given when the rule holds; the first band that holds wins.",
)


class Number(AnswerType):
    """A short text input for a whole number; rules and scoring bands compare it with numbers and quantities."""

    question_type = QuestionType.NUMBER
    keys = MappingProxyType(
        {"scoring": {"type": "array", "items": SCORE_BAND, "minItems": 1}, "min": _BOUND, "max": _BOUND, "unit": TEXT}
    )

    def check(self, raw: RawQuestion, path: KeyPath, report: Reporter) -> None:
        for key in ("min", "max"):
            if key not in raw:
                report.error([*path, key], f"a number question needs '{key}'")
        minimum, maximum = raw.get("min"), raw.get("max")
        if minimum is not None and maximum is not None and minimum > maximum:
            report.error([*path, "max"], "max must not be smaller than min")
        if raw.get("domain") is not None and not raw.get("scoring"):
            report.error([*path, "scoring"], "a number question with a domain needs scoring bands")

    def name_info(self, raw: RawQuestion) -> NameInfo:
        return NameInfo("number")

    def convert(self, question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
        value: int | None = None
        if isinstance(raw, bool):
            value = None
        elif isinstance(raw, int):
            value = raw
        elif isinstance(raw, float) and raw.is_integer():
            value = int(raw)
        elif isinstance(raw, str) and WHOLE_NUMBER.fullmatch(raw.strip()):
            value = int(raw.strip())
        if value is None:
            return None, problem(question.id, "not_a_whole_number", f"'{question.id}' needs a whole number", value=str(raw)[:40])
        low, high = question.minimum, question.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            return None, problem(
                question.id, "out_of_range", f"'{question.id}' must be between {low} and {high}", minimum=low, maximum=high
            )
        return value, None

    def candidates(self, question: Question, rules: Sequence[Rule]) -> list[AnswerValue]:
        """The bounds, and each number the rules use (and one either side) that lies within them."""
        low = question.minimum if question.minimum is not None else 0
        high = question.maximum if question.maximum is not None else 100
        values = {low, high}
        for constant in {number for rule in rules for number in rule.numbers}:
            for candidate in (constant - 1, constant, constant + 1):
                if low <= candidate <= high and float(candidate).is_integer():
                    values.add(int(candidate))
        return sorted(values)

    def label(self, question: Question, answer: Any, words: Wording) -> str:
        return words.amount(answer, words.text("question", question.id, "unit", question.unit))

    def limits(self, question: Question) -> Mapping[str, int | None]:
        return {"minimum": question.minimum, "maximum": question.maximum, "max_length": None}

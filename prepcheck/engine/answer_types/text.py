"""text: free text up to max_length characters; never scores, and rules may only ask whether it was answered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from prepcheck.engine.answer_types.base import AnswerType, AnswerValue, Problem, RawQuestion, problem
from prepcheck.engine.model import Question, QuestionType
from prepcheck.engine.rules import NameInfo, Rule


class Text(AnswerType):
    """A textarea; the answer is kept without the spaces around it."""

    question_type = QuestionType.TEXT
    keys = MappingProxyType({"max_length": {"type": "integer", "minimum": 1, "maximum": 2000}})
    can_score = False

    def name_info(self, raw: RawQuestion) -> NameInfo:
        return NameInfo("text")

    def convert(self, question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
        if not isinstance(raw, str):
            return None, problem(question.id, "not_text", f"'{question.id}' needs text")
        text = raw.strip()
        if len(text) > question.max_length:
            return None, problem(
                question.id,
                "too_long",
                f"'{question.id}' may be at most {question.max_length} characters",
                maximum=question.max_length,
            )
        return text, None

    def candidates(self, question: Question, rules: Sequence[Rule]) -> list[AnswerValue]:
        return ["text"]

    def limits(self, question: Question) -> Mapping[str, int | None]:
        return {"minimum": None, "maximum": None, "max_length": question.max_length}

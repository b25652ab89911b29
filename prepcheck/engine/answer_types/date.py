"""date: a day, written 'YYYY-MM-DD' in answers; rules compare it with a date in quotes, like d < '2024-01-31'.

Rules compare with fixed dates rather than "days ago" so that an assessment depends on the answers alone: the same
answers give the same result on any day, in a re-check a year later and in the loader's reachability search.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from prepcheck.engine.answer_types.base import AnswerType, AnswerValue, Problem, RawQuestion, Wording, problem
from prepcheck.engine.model import Question, QuestionType
from prepcheck.engine.rules import NameInfo, Rule

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SOME_DAY = date(2000, 1, 1)
"""The witness for a date no rule compares with a fixed date: any day will do."""


def parse_day(text: str) -> date:
    """A date written 'YYYY-MM-DD'; ValueError, with a message for the questionnaire's editor, for anything else."""
    if _ISO_DAY.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"'{text[:40]}' is not a date; write a date as 'YYYY-MM-DD', like '2024-01-31'")


class Date(AnswerType):
    """Day, month and year inputs; the rule value is a datetime.date."""

    question_type = QuestionType.DATE
    can_score = False
    value_type = date

    def name_info(self, raw: RawQuestion) -> NameInfo:
        return NameInfo("date", literal=parse_day)

    def convert(self, question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
        if isinstance(raw, str):
            try:
                return parse_day(raw.strip()), None
            except ValueError:
                pass
        return None, problem(question.id, "not_a_date", f"'{question.id}' needs a date written as YYYY-MM-DD")

    def to_document(self, value: AnswerValue) -> Any:
        return value.isoformat()

    def candidates(self, question: Question, rules: Sequence[Rule]) -> list[AnswerValue]:
        """Each date the rules compare with, and the day before and after it."""
        days = {day for rule in rules for day in rule.literals if isinstance(day, date)}
        values = {_SOME_DAY} if not days else set()
        for day in days:
            for shift in (-1, 0, 1):
                try:
                    values.add(day + timedelta(days=shift))
                except OverflowError:
                    continue
        return sorted(values)

    def label(self, question: Question, answer: Any, words: Wording) -> str:
        return words.day(parse_day(answer))

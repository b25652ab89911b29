"""What every answer type tells the engine, and what it is given in return: a reporter at load, the reader's wording."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any, ClassVar, Protocol

from prepcheck.engine.model import Option, Question, QuestionType
from prepcheck.engine.rules import NameInfo, Rule
from prepcheck.engine.schema_parts import Schema

AnswerValue = Any
"""A rule value: int for numbers, str for single choice / yes-no / text, frozenset[str] for multiple choice,
datetime.date for dates, or NOT_APPLICABLE."""

KeyPath = Sequence[str | int]
RawQuestion = Mapping[str, Any]
"""A question as the YAML file has it, after the JSON Schema check."""

NO_LIMITS: Mapping[str, int | None] = MappingProxyType({"minimum": None, "maximum": None, "max_length": None})


def N_(message: str) -> str:
    """Marks an interface text for the catalogs; Wording.ui translates it where it is shown."""
    return message


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the answers, tied to the question it concerns."""

    question_id: str | None
    code: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)


def problem(question_id: str | None, code: str, message: str, **params: Any) -> Problem:
    return Problem(question_id=question_id, code=code, message=message, params=params)


class Reporter(Protocol):
    """Where an answer type's load-time checks go (the questionnaire builder, which adds file and line)."""

    def error(self, path: KeyPath, message: str) -> None: ...

    def unique_ids(self, items: Sequence[Any], path: KeyPath, id_key: str = "id") -> None: ...


class Wording(Protocol):
    """The reader's language, as far as putting answers into words needs it; the engine itself holds no catalogs."""

    def text(self, kind: str, item_id: str, field: str, source: str) -> str:
        """A questionnaire text, translated (its message context is made from kind, item id and field)."""
        ...

    def ui(self, message: str) -> str:
        """An interface text, translated."""
        ...

    def amount(self, value: float, unit: str) -> str:
        """A number and its (already translated) unit, in the reader's number format."""
        ...

    def day(self, value: date) -> str:
        """A date in the reader's long date format, like 5 March 2024."""
        ...


@dataclass(frozen=True, slots=True)
class OptionLabel:
    """One option a front end offers, in the reader's language."""

    value: str
    label: str
    hint: str = ""
    exclusive: bool = False


class AnswerType(ABC):
    """One answer type, everything the engine needs to know about it; one subclass and one instance per type."""

    question_type: ClassVar[QuestionType]
    keys: ClassVar[Mapping[str, Schema]] = MappingProxyType({})
    """The YAML keys only this type (and types that share them) allows, with their JSON Schema."""
    can_score: ClassVar[bool] = True
    value_type: ClassVar[type | None] = None
    """The Python type of the rule value when that is not already its JSON form (to_document turns it back)."""

    def check(self, raw: RawQuestion, path: KeyPath, report: Reporter) -> None:
        """Load-time checks of this type's keys that the JSON Schema cannot express (none by default)."""
        return

    def build_options(self, raw: RawQuestion, path: KeyPath, report: Reporter, *, scores: bool) -> tuple[Option, ...]:
        """The options the answer is chosen from; none for types that are typed in."""
        return ()

    @abstractmethod
    def name_info(self, raw: RawQuestion) -> NameInfo:
        """What a rule may know about an answer of this type."""

    @abstractmethod
    def convert(self, question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
        """A raw answer (as JSON or a form gives it; never "n/a") as its rule value, or what is wrong with it."""

    def to_document(self, value: AnswerValue) -> Any:
        """The rule value back in its JSON form."""
        return value

    @abstractmethod
    def candidates(self, question: Question, rules: Sequence[Rule]) -> list[AnswerValue]:
        """A few rule values that, with "no answer", take every branch these rules about the question can take."""

    def label(self, question: Question, answer: Any, words: Wording) -> str:
        """The answer (in its JSON form, never "n/a") in words."""
        return str(answer)

    def option_labels(self, question: Question, words: Wording) -> tuple[OptionLabel, ...]:
        """The options a front end offers, in order, without "not applicable"."""
        return ()

    def limits(self, question: Question) -> Mapping[str, int | None]:
        """The bounds a front end shows: minimum, maximum and max_length (None where they do not apply)."""
        return NO_LIMITS

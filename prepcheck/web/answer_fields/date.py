"""date on a page: day, month and year inputs in a fieldset, the GOV.UK date input (templates/macros/date.html)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import lazy_gettext
from wtforms import Field, Form
from wtforms.fields.core import UnboundField
from wtforms.utils import unset_value
from wtforms.validators import StopValidation

from prepcheck.engine.model import Question
from prepcheck.web.answer_fields.base import AnswerField, presence

PARTS = ("day", "month", "year")
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DAY_OR_MONTH, _YEAR = re.compile(r"[0-9]{1,2}"), re.compile(r"[0-9]{4}")


@dataclass(frozen=True, slots=True)
class DayParts:
    """What the three inputs hold, without the spaces around it."""

    day: str = ""
    month: str = ""
    year: str = ""

    def __bool__(self) -> bool:
        return any((self.day, self.month, self.year))

    @classmethod
    def of(cls, stored: Any) -> DayParts:
        """A stored 'YYYY-MM-DD' answer as the inputs show it: 5, 3, 2024."""
        match = _ISO_DAY.fullmatch(stored) if isinstance(stored, str) else None
        if match is None:
            return cls()
        year, month, day = match.groups()
        return cls(str(int(day)), str(int(month)), year)

    def iso(self) -> str:
        """'YYYY-MM-DD', as the engine reads a date."""
        if all(part.isascii() and part.isdigit() for part in (self.day, self.month, self.year)):
            return f"{int(self.year):04d}-{int(self.month):02d}-{int(self.day):02d}"
        return f"{self.year}-{self.month}-{self.day}"


class DayInputs(Field):  # type: ignore[misc]
    """Three text inputs named <id>-day, <id>-month and <id>-year, as GOV.UK names them; data is their DayParts."""

    def process(self, formdata: Any, data: Any = unset_value, extra_filters: Any = None) -> None:
        super().process(None, data, extra_filters)
        if formdata is not None:
            self.raw_data = [formdata.get(f"{self.name}-{part}", "") for part in PARTS]
            self.data = DayParts(*(value.strip() for value in self.raw_data))

    def process_data(self, value: Any) -> None:
        self.data = DayParts.of(value)


class RealDay:
    """All three parts, and together a day that exists (a year of four digits)."""

    def __init__(self, incomplete: Any, not_real: Any) -> None:
        self.incomplete, self.not_real = incomplete, not_real

    def __call__(self, form: Form, field: Field) -> None:
        parts: DayParts = field.data
        if not all((parts.day, parts.month, parts.year)):
            raise StopValidation(self.incomplete)
        shaped = _DAY_OR_MONTH.fullmatch(parts.day) and _DAY_OR_MONTH.fullmatch(parts.month) and _YEAR.fullmatch(parts.year)
        try:
            if shaped:
                date(int(parts.year), int(parts.month), int(parts.day))
                return
        except ValueError:
            pass
        raise StopValidation(self.not_real)


class DateField(AnswerField):
    macro = "macros/date.html"

    def field(self, question: Question) -> UnboundField:
        return DayInputs(
            question.id,
            validators=[
                *presence(question, lazy_gettext("Enter a date")),
                RealDay(
                    lazy_gettext("The date must include a day, a month and a year"),
                    lazy_gettext("The date must be a real date"),
                ),
            ],
            widget=self.widget(),
        )

    def read(self, field: Field) -> Any:
        return field.data.iso() if field.data else None

    def input_names(self, question: Question) -> tuple[str, ...]:
        return tuple(f"{question.id}-{part}" for part in PARTS)

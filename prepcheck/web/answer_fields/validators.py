"""WTForms validators for what a person can get wrong; the engine checks every answer again after them."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from wtforms import Field, Form
from wtforms.validators import StopValidation, ValidationError

from prepcheck.engine.answer_types.number import WHOLE_NUMBER


def _stripped(field: Field) -> str:
    return field.data.strip() if isinstance(field.data, str) else ""


class EmptyAllowed:
    """Like WTForms' Optional, but judged on the field's data, not its first raw input (a date has three inputs)."""

    field_flags = {"optional": True}  # noqa: RUF012 - WTForms reads this class attribute

    def __call__(self, form: Form, field: Field) -> None:
        if not field.data or (isinstance(field.data, str) and not field.data.strip()):
            field.errors[:] = []
            raise StopValidation()


class WholeNumber:
    """ASCII digits with an optional minus sign (str.isdigit() would let through '²', which int() refuses)."""

    def __init__(self, message: Any) -> None:
        self.message = message

    def __call__(self, form: Form, field: Field) -> None:
        if not WHOLE_NUMBER.fullmatch(_stripped(field)):
            raise StopValidation(self.message)


class InRange:
    """A whole number from minimum to maximum (after WholeNumber)."""

    def __init__(self, minimum: int | None, maximum: int | None, message: Any) -> None:
        self.minimum, self.maximum, self.message = minimum, maximum, message

    def __call__(self, form: Form, field: Field) -> None:
        value = int(_stripped(field))
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise ValidationError(self.message)


class MaxLength:
    """At most `maximum` characters, not counting spaces around the text (they are not kept)."""

    def __init__(self, maximum: int, message: Any) -> None:
        self.maximum, self.message = maximum, message

    def __call__(self, form: Form, field: Field) -> None:
        if len(_stripped(field)) > self.maximum:
            raise ValidationError(self.message)


class NotCombined:
    """None of these values may be chosen together with another one ("none of these", "not applicable")."""

    def __init__(self, values: Collection[str], message: Any) -> None:
        self.values, self.message = frozenset(values), message

    def __call__(self, form: Form, field: Field) -> None:
        chosen = set(field.data or ())
        if chosen & self.values and len(chosen) > 1:
            raise StopValidation(self.message)

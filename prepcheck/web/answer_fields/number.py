"""number on a page: a short numeric text input with its unit after it (templates/macros/number.html)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext
from wtforms import Field, StringField
from wtforms.fields.core import UnboundField

from prepcheck.engine.model import Question
from prepcheck.web.answer_fields.base import AnswerField, presence
from prepcheck.web.answer_fields.text import stripped_or_none
from prepcheck.web.answer_fields.validators import InRange, WholeNumber


class NumberField(AnswerField):
    macro = "macros/number.html"

    def field(self, question: Question) -> UnboundField:
        # A text input, not <input type=number>: GOV.UK's advice, and what was typed is shown back as typed.
        return StringField(
            question.id,
            validators=[
                *presence(question, lazy_gettext("Enter a whole number")),
                WholeNumber(lazy_gettext("Enter a whole number, like 3")),
                InRange(
                    question.minimum,
                    question.maximum,
                    lazy_gettext(
                        "Enter a number from %(minimum)s to %(maximum)s", minimum=question.minimum, maximum=question.maximum
                    ),
                ),
            ],
            widget=self.widget(),
        )

    def read(self, field: Field) -> Any:
        return stripped_or_none(field)

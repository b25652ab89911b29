"""yes_no on a page: Yes, No and I don't know as radios (templates/macros/yes_no.html)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext
from wtforms import Field, RadioField
from wtforms.fields.core import UnboundField

from prepcheck.engine.model import Question
from prepcheck.web.answer_fields.base import AnswerField, presence
from prepcheck.web.answer_fields.choices import choice_values


class YesNoField(AnswerField):
    macro = "macros/yes_no.html"

    def field(self, question: Question) -> UnboundField:
        # validate_choice is off: a value the page never offered is forged, and the engine refuses it (400).
        return RadioField(
            question.id,
            choices=choice_values(question),
            validate_choice=False,
            validators=presence(question, lazy_gettext("Select yes, no or I don't know")),
            widget=self.widget(),
        )

    def read(self, field: Field) -> Any:
        return field.data or None

"""single_choice on a page: radios in a fieldset (templates/macros/single_choice.html)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext
from wtforms import Field, RadioField
from wtforms.fields.core import UnboundField

from prepcheck.engine.model import Question
from prepcheck.web.answer_fields.base import AnswerField, presence
from prepcheck.web.answer_fields.choices import choice_values


class SingleChoiceField(AnswerField):
    macro = "macros/single_choice.html"

    def field(self, question: Question) -> UnboundField:
        # validate_choice is off: a value the page never offered is forged, and the engine refuses it (400).
        return RadioField(
            question.id,
            choices=choice_values(question),
            validate_choice=False,
            validators=presence(question, lazy_gettext("Select an answer")),
            widget=self.widget(),
        )

    def read(self, field: Field) -> Any:
        return field.data or None

"""multiple_choice on a page: checkboxes in a fieldset, "Not applicable" set apart (templates/macros/multiple_choice.html)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext
from wtforms import Field, SelectMultipleField
from wtforms.fields.core import UnboundField

from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question
from prepcheck.web.answer_fields.base import AnswerField, presence
from prepcheck.web.answer_fields.choices import choice_values
from prepcheck.web.answer_fields.validators import NotCombined


class MultipleChoiceField(AnswerField):
    macro = "macros/multiple_choice.html"
    multiple_values = True

    def field(self, question: Question) -> UnboundField:
        exclusive = [option.value for option in question.options if option.exclusive]
        # validate_choice is off: a value the page never offered is forged, and the engine refuses it (400).
        return SelectMultipleField(
            question.id,
            choices=choice_values(question),
            validate_choice=False,
            validators=[
                *presence(question, lazy_gettext("Select at least one option")),
                NotCombined(
                    [NOT_APPLICABLE_VALUE], lazy_gettext("Choose either “Not applicable” or the other options, not both")
                ),
                NotCombined(exclusive, lazy_gettext("Choose either one of the “only” options or the other options, not both")),
            ],
            widget=self.widget(),
        )

    def read(self, field: Field) -> Any:
        chosen = list(field.data or [])
        if chosen == [NOT_APPLICABLE_VALUE]:
            return NOT_APPLICABLE_VALUE
        return chosen or None

    def initial(self, stored: Any) -> Any:
        return [NOT_APPLICABLE_VALUE] if stored == NOT_APPLICABLE_VALUE else stored

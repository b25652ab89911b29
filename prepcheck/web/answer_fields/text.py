"""text on a page: a textarea whose limit is stated in a hint (templates/macros/text.html)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext
from wtforms import Field, TextAreaField
from wtforms.fields.core import UnboundField

from prepcheck.engine.model import Question
from prepcheck.web.answer_fields.base import AnswerField, presence
from prepcheck.web.answer_fields.validators import MaxLength


def stripped_or_none(field: Field) -> Any:
    """Typed text without the spaces around it; None when only spaces (or nothing) were typed."""
    text = field.data.strip() if isinstance(field.data, str) else field.data
    return text if text not in ("", None) else None


class TextField(AnswerField):
    macro = "macros/text.html"

    def field(self, question: Question) -> UnboundField:
        return TextAreaField(
            question.id,
            validators=[
                *presence(question, lazy_gettext("Enter an answer")),
                MaxLength(question.max_length, lazy_gettext("Use %(maximum)s characters or fewer", maximum=question.max_length)),
            ],
            widget=self.widget(),
        )

    def read(self, field: Field) -> Any:
        return stripped_or_none(field)

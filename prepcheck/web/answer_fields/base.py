"""What every answer type's web field gives the page: a WTForms field that renders its own macro, and a reader."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from flask import get_template_attribute
from markupsafe import Markup
from wtforms import Field
from wtforms.fields.core import UnboundField
from wtforms.validators import DataRequired

from prepcheck.engine.model import Question
from prepcheck.web.answer_fields.validators import EmptyAllowed


class MacroWidget:
    """Renders a field with the `render` macro of its answer type's template, given the question's view."""

    def __init__(self, template: str) -> None:
        self.template = template

    def __call__(self, field: Field, view: Any, **kwargs: Any) -> Markup:
        # The macro's output is Markup already: templates/*.html are autoescaped.
        rendered: Markup = get_template_attribute(self.template, "render")(view)
        return rendered


class AnswerField(ABC):
    """One answer type on a web page; one subclass and one instance per type."""

    macro: ClassVar[str]
    """The template whose `render(q)` macro draws the question."""
    multiple_values: ClassVar[bool] = False
    """Whether one input name may carry several values (checkboxes)."""

    @abstractmethod
    def field(self, question: Question) -> UnboundField:
        """The WTForms field for the question, with the validators a person can fail and a MacroWidget."""

    @abstractmethod
    def read(self, field: Field) -> Any:
        """The validated field's answer in the form the engine converts; None when nothing was entered."""

    def initial(self, stored: Any) -> Any:
        """The field's data for a stored (JSON) answer."""
        return stored

    def input_names(self, question: Question) -> tuple[str, ...]:
        """The names the question's inputs send."""
        return (question.id,)

    def widget(self) -> MacroWidget:
        return MacroWidget(self.macro)


def presence(question: Question, missing: Any) -> list[Any]:
    """Required (saying `missing` when nothing was entered) unless the question is optional."""
    return [EmptyAllowed()] if question.optional else [DataRequired(message=missing)]

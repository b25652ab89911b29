"""What the choice fields share: the values a page offers, "not applicable" last where the question has it."""

from __future__ import annotations

from wtforms.fields.choices import SelectChoice

from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question


def choice_values(question: Question) -> list[SelectChoice]:
    values = [SelectChoice(option.value) for option in question.options]
    if question.not_applicable:
        values.append(SelectChoice(NOT_APPLICABLE_VALUE))
    return values

"""Builds a page's form from the model, reads the answers back through the engine, and words the errors."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import MultiDict
from wtforms import Form

from prepcheck.engine.answers import convert_answer, to_document
from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question, QuestionType
from prepcheck.views.present import AssessmentPresenter
from prepcheck.web.fields import FIELDS
from prepcheck.web.security import TOKEN_FIELD
from prepcheck.web.translate import _


class PageForm(Form):  # type: ignore[misc]
    """The base of every generated page form (no session CSRF: a signed token replaces it)."""


class FormTampered(Exception):
    """The submission could not have come from the page's own form."""


@dataclass(frozen=True, slots=True)
class OptionView:
    value: str
    label: str
    hint: str = ""


@dataclass(slots=True)
class QuestionView:
    """What a macro needs to render one question."""

    question: Question
    field: Any
    macro: str
    text: str
    hint: str
    unit: str
    options: tuple[OptionView, ...]
    is_heading: bool
    caption: str = ""
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.question.id


def build_form(questions: tuple[Question, ...], formdata: MultiDict[str, str] | None, data: Mapping[str, Any]) -> PageForm:
    """A throwaway form class with one field per shown question, filled from the request or the stored answers."""
    form_class = type("GeneratedPageForm", (PageForm,), {q.id: FIELDS[q.type].build(q) for q in questions})
    initial = {q.id: _initial(q, data[q.id]) for q in questions if q.id in data}
    form: PageForm = form_class(formdata=formdata, data=initial)
    return form


def _initial(question: Question, stored: Any) -> Any:
    if question.type is QuestionType.MULTIPLE_CHOICE and stored == NOT_APPLICABLE_VALUE:
        return [NOT_APPLICABLE_VALUE]
    return stored


def _options(question: Question, presenter: AssessmentPresenter) -> tuple[OptionView, ...]:
    if question.type is QuestionType.YES_NO:
        labels = {"yes": _("Yes"), "no": _("No"), "dont_know": _("I don't know")}
        options = [OptionView(option.value, labels[option.value]) for option in question.options]
    else:
        options = [
            OptionView(
                option.value,
                presenter.text("option", f"{question.id}.{option.value}", "label", option.label),
                presenter.text("option", f"{question.id}.{option.value}", "hint", option.hint),
            )
            for option in question.options
        ]
    if question.not_applicable:
        options.append(OptionView(NOT_APPLICABLE_VALUE, _("Not applicable")))
    return tuple(options)


def question_views(
    form: PageForm,
    questions: tuple[Question, ...],
    presenter: AssessmentPresenter,
    page_title: str,
    single_heading: bool,
) -> list[QuestionView]:
    """One view per question; on a one-question page the question itself is the h1."""
    return [
        QuestionView(
            question=q,
            field=form[q.id],
            macro=FIELDS[q.type].macro,
            text=presenter.text("question", q.id, "text", q.text),
            hint=presenter.text("question", q.id, "hint", q.hint),
            unit=presenter.text("question", q.id, "unit", q.unit),
            options=_options(q, presenter),
            is_heading=single_heading,
            caption=page_title if single_heading else "",
        )
        for q in questions
    ]


_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,12}")
# Problems a person can cause with the real form; anything else means the form was forged.
_USER_PROBLEMS = frozenset({"not_a_whole_number", "out_of_range", "too_long", "exclusive_option"})


def _message(question: Question, code: str, params: Mapping[str, Any]) -> str:
    if code == "not_a_whole_number":
        return _("Enter a whole number, like 3")
    if code == "out_of_range":
        return _("Enter a number from %(minimum)s to %(maximum)s", minimum=params["minimum"], maximum=params["maximum"])
    if code == "too_long":
        return _("Use %(maximum)s characters or fewer", maximum=params["maximum"])
    return _("Choose either one of the “only” options or the other options, not both")


def check_allowed_fields(formdata: MultiDict[str, str], questions: tuple[Question, ...]) -> None:
    """Refuse field names the page does not have, and repeated values where one is expected."""
    allowed = {q.id: q for q in questions}
    for name in formdata:
        if name == TOKEN_FIELD:
            continue
        question = allowed.get(name)
        if question is None:
            raise FormTampered(f"unknown field {name[:40]!r}")
        if len(formdata.getlist(name)) > 1 and not FIELDS[question.type].multiple_values:
            raise FormTampered(f"several values for {name!r}")
    if len(formdata.getlist(TOKEN_FIELD)) != 1:
        raise FormTampered("no single token")


def read_answers(form: PageForm, questions: tuple[Question, ...]) -> tuple[dict[str, Any], dict[str, str]]:
    """The page's answers as stored JSON values (None: cleared) and the error message per question."""
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for question in questions:
        spec = FIELDS[question.type]
        raw = spec.read(form[question.id])
        if isinstance(raw, list) and NOT_APPLICABLE_VALUE in raw:
            errors[question.id] = _("Choose either “Not applicable” or the other options, not both")
            continue
        if raw is None:
            if question.optional:
                answers[question.id] = None
            else:
                errors[question.id] = str(spec.missing)
            continue
        if question.type is QuestionType.NUMBER and not _WHOLE_NUMBER.fullmatch(raw):
            # Checked here too: str.isdigit() accepts characters such as '²' that int() refuses.
            errors[question.id] = _message(question, "not_a_whole_number", {})
            continue
        value, problem = convert_answer(question, raw)
        if problem is None:
            answers[question.id] = to_document({question.id: value})[question.id]
        elif problem.code in _USER_PROBLEMS:
            errors[question.id] = _message(question, problem.code, problem.params)
        else:
            raise FormTampered(problem.message)
    return answers, errors

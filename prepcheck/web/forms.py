"""Builds a page's form from the model, validates it with WTForms, and has the engine judge every answer again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import MultiDict
from wtforms import Form

from prepcheck.engine.answer_types import option_labels
from prepcheck.engine.answers import convert_answer, to_document
from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question
from prepcheck.engine.variants import ChosenVariants
from prepcheck.i18n.wording import CatalogWording
from prepcheck.views.present import AssessmentPresenter
from prepcheck.web.answer_fields import answer_field
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
    """What a macro needs to render one question; `field` renders itself with it: {{ q.field(view=q) }}."""

    question: Question
    field: Any
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
    form_class = type("GeneratedPageForm", (PageForm,), {q.id: answer_field(q.type).field(q) for q in questions})
    initial = {q.id: answer_field(q.type).initial(data[q.id]) for q in questions if q.id in data}
    form: PageForm = form_class(formdata=formdata, data=initial)
    return form


def _options(question: Question, presenter: AssessmentPresenter) -> tuple[OptionView, ...]:
    options = [
        OptionView(option.value, option.label, option.hint) for option in option_labels(question, CatalogWording(presenter))
    ]
    if question.not_applicable:
        options.append(OptionView(NOT_APPLICABLE_VALUE, _("Not applicable")))
    return tuple(options)


def question_views(
    form: PageForm,
    questions: tuple[Question, ...],
    presenter: AssessmentPresenter,
    variants: ChosenVariants,
    page_title: str,
    single_heading: bool,
) -> list[QuestionView]:
    """One view per question, in the words its variant for these answers gives; on a one-question page it is the h1."""
    return [
        QuestionView(
            question=q,
            field=form[q.id],
            text=presenter.text("question", q.id, "text", q.text, variants.question(q.id)),
            hint=presenter.text("question", q.id, "hint", q.hint, variants.question(q.id)),
            unit=presenter.text("question", q.id, "unit", q.unit),
            options=_options(q, presenter),
            is_heading=single_heading,
            caption=page_title if single_heading else "",
        )
        for q in questions
    ]


def check_allowed_fields(formdata: MultiDict[str, str], questions: tuple[Question, ...]) -> None:
    """Refuse field names the page does not have, and repeated values where one is expected."""
    allowed = {name: q for q in questions for name in answer_field(q.type).input_names(q)}
    for name in formdata:
        if name == TOKEN_FIELD:
            continue
        question = allowed.get(name)
        if question is None:
            raise FormTampered(f"unknown field {name[:40]!r}")
        if len(formdata.getlist(name)) > 1 and not answer_field(question.type).multiple_values:
            raise FormTampered(f"several values for {name!r}")
    if len(formdata.getlist(TOKEN_FIELD)) != 1:
        raise FormTampered("no single token")


def read_answers(form: PageForm, questions: tuple[Question, ...]) -> tuple[dict[str, Any], dict[str, str]]:
    """The page's answers as stored JSON values (None: cleared) and the error message per question.

    WTForms' validators word what a person can get wrong; the engine then converts every answer that passed them,
    so it stays the one judge: anything it still refuses could not have come from the page (FormTampered).
    """
    form.validate()
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for question in questions:
        bound = form[question.id]
        if bound.errors:
            errors[question.id] = str(bound.errors[0])
            continue
        raw = answer_field(question.type).read(bound)
        if raw is None:
            answers[question.id] = None
            continue
        value, problem = convert_answer(question, raw)
        if problem is not None:
            raise FormTampered(problem.message)
        answers[question.id] = to_document({question.id: value})[question.id]
    return answers, errors

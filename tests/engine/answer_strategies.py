"""Hypothesis strategies that build random valid answer sets for any questionnaire."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Question, Questionnaire, QuestionType


def answer_for(question: Question) -> st.SearchStrategy[Any]:
    """Any valid answer to one question (including "not applicable" where it is offered)."""
    if question.type is QuestionType.NUMBER:
        base: st.SearchStrategy[Any] = st.integers(question.minimum, question.maximum)
    elif question.type in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
        base = st.sampled_from([option.value for option in question.options])
    elif question.type is QuestionType.MULTIPLE_CHOICE:
        plain = [option.value for option in question.options if not option.exclusive]
        exclusive = [[option.value] for option in question.options if option.exclusive]
        subsets = st.lists(st.sampled_from(plain), min_size=1, unique=True) if plain else st.nothing()
        base = st.one_of(subsets, st.sampled_from(exclusive)) if exclusive else subsets
    elif question.type is QuestionType.DATE:
        base = st.dates().map(lambda day: day.isoformat())
    else:
        # "n/a" typed as text reads as "not applicable" (refused where not offered): generate it only as that.
        base = st.text(min_size=1, max_size=question.max_length).filter(
            lambda text: text.strip() != "" and text != NOT_APPLICABLE_VALUE
        )
    if question.not_applicable:
        base = st.one_of(base, st.just(NOT_APPLICABLE_VALUE))
    return base


def complete_answers(questionnaire: Questionnaire) -> st.SearchStrategy[dict[str, Any]]:
    """An answer for every question, shown or not (optional ones may be left out)."""
    required = {q.id: answer_for(q) for q in questionnaire.questions if not q.optional}
    optional = {q.id: answer_for(q) for q in questionnaire.questions if q.optional}
    return st.fixed_dictionaries(required, optional=optional)

"""Each answer type converts raw answers to rule values and back, refuses what does not fit, and reads in words."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from prepcheck.engine import load_questionnaire
from prepcheck.engine.answer_types import answer_type, label_answer
from prepcheck.engine.answers import convert_answer, to_document
from prepcheck.engine.model import QuestionType
from prepcheck.engine.rules import NOT_APPLICABLE, NameInfo, RuleError, parse_rule
from prepcheck.views.present import AssessmentPresenter

TEST_QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "questionnaires" / "test"
TYPES = load_questionnaire(TEST_QUESTIONNAIRES / "web_answer_types.yaml")
DATES = load_questionnaire(TEST_QUESTIONNAIRES / "web_date.yaml")
QUESTIONS = {**TYPES.questions_by_id, **DATES.questions_by_id}


@pytest.mark.parametrize(
    ("question_id", "raw", "value", "document"),
    [
        ("torch", "crank", "crank", "crank"),
        ("torch", "n/a", NOT_APPLICABLE, "n/a"),
        ("food", ["tins", "dry"], frozenset({"tins", "dry"}), ["dry", "tins"]),
        ("food", ["nothing"], frozenset({"nothing"}), ["nothing"]),
        ("cash", "dont_know", "dont_know", "dont_know"),
        ("litres", 12, 12, 12),
        ("litres", " 12 ", 12, 12),
        ("litres", 12.0, 12, 12),
        ("note", "  Check the torch  ", "Check the torch", "Check the torch"),
        ("supplies_checked", "2024-03-05", date(2024, 3, 5), "2024-03-05"),
        ("supplies_checked", " 2024-03-05", date(2024, 3, 5), "2024-03-05"),
    ],
)
def test_an_answer_becomes_its_rule_value_and_goes_back_to_the_same_document_form(
    question_id: str, raw: Any, value: Any, document: Any
) -> None:
    converted, problem = convert_answer(QUESTIONS[question_id], raw)
    assert (converted, problem) == (value, None)
    assert to_document({question_id: converted}) == {question_id: document}


@pytest.mark.parametrize(
    ("question_id", "raw", "code"),
    [
        ("torch", "flamethrower", "unknown_option"),
        ("food", "tins", "not_a_list"),
        ("food", ["tins", "caviar"], "unknown_option"),
        ("food", ["tins", "nothing"], "exclusive_option"),
        ("food", [], "empty_choice"),
        ("cash", "maybe", "unknown_option"),
        ("cash", "n/a", "not_applicable_not_allowed"),
        ("litres", "12.5", "not_a_whole_number"),
        ("litres", "²", "not_a_whole_number"),
        ("litres", True, "not_a_whole_number"),
        ("litres", 501, "out_of_range"),
        ("note", "x" * 21, "too_long"),
        ("note", 5, "not_text"),
        ("supplies_checked", "2024-02-30", "not_a_date"),
        ("supplies_checked", "5 March 2024", "not_a_date"),
        ("supplies_checked", "20240305", "not_a_date"),
        ("supplies_checked", "0000-01-01", "not_a_date"),
        ("supplies_checked", 20240305, "not_a_date"),
    ],
)
def test_an_answer_that_does_not_fit_its_type_is_refused_with_a_reason(question_id: str, raw: Any, code: str) -> None:
    value, problem = convert_answer(QUESTIONS[question_id], raw)
    assert value is None and problem is not None
    assert (problem.question_id, problem.code) == (question_id, code)


@pytest.mark.parametrize(
    ("question_id", "answer", "english", "dutch"),
    [
        ("torch", "crank", "A wind-up torch", "A wind-up torch"),
        ("torch", "n/a", "Not applicable", "Niet van toepassing"),
        ("food", ["dry", "tins"], "Dry food, Tins", "Dry food, Tins"),
        ("cash", "dont_know", "I don't know", "Ik weet het niet"),
        ("litres", 12, "12 litres", "12 litres"),
        ("note", "Check the torch", "Check the torch", "Check the torch"),
        ("supplies_checked", "2024-03-05", "5 March 2024", "5 maart 2024"),
    ],
)
def test_every_answer_type_reads_in_the_readers_language(question_id: str, answer: Any, english: str, dutch: str) -> None:
    questionnaire = DATES if question_id in DATES.questions_by_id else TYPES
    question = QUESTIONS[question_id]
    assert AssessmentPresenter(questionnaire, "en").answer_label(question, answer) == english
    assert AssessmentPresenter(questionnaire, "nl").answer_label(question, answer) == dutch


class _PlainWording:
    """The engine's wording without catalogs or Babel: shows what labelling asks for."""

    def text(self, kind: str, item_id: str, field: str, source: str) -> str:
        return f"{source} ({item_id})"

    def ui(self, message: str) -> str:
        return message.upper()

    def amount(self, value: float, unit: str) -> str:
        return f"{value}|{unit}"

    def day(self, value: date) -> str:
        return value.strftime("%d/%m/%Y")


def test_labels_take_every_text_and_format_from_the_wording_they_are_given() -> None:
    words = _PlainWording()
    assert label_answer(QUESTIONS["supplies_checked"], "2024-03-05", words) == "05/03/2024"
    assert label_answer(QUESTIONS["litres"], 12, words) == "12|litres (litres)"
    assert label_answer(QUESTIONS["cash"], "yes", words) == "YES"
    assert label_answer(QUESTIONS["torch"], "n/a", words) == "NOT APPLICABLE"
    assert label_answer(QUESTIONS["torch"], "battery", words) == "A battery torch (torch.battery)"


RULE_NAMES = {"checked": answer_type(QuestionType.DATE).name_info({}), "adults": NameInfo("number")}


@pytest.mark.parametrize(
    ("rule", "answer", "holds"),
    [
        ("checked < '2025-01-01'", date(2024, 12, 31), True),
        ("checked < '2025-01-01'", date(2025, 1, 1), False),
        ("checked >= '2025-01-01'", date(2025, 1, 1), True),
        ("checked == '2024-03-05'", date(2024, 3, 5), True),
        ("'2024-01-01' <= checked < '2025-01-01'", date(2024, 6, 1), True),
        ("checked < '2025-01-01'", None, False),
        ("checked < '2025-01-01'", NOT_APPLICABLE, False),
        ("checked != '2024-03-05'", None, False),
    ],
)
def test_rules_compare_a_date_answer_with_a_date_in_quotes(rule: str, answer: Any, holds: bool) -> None:
    assert parse_rule(rule, RULE_NAMES).holds({"checked": answer}) is holds


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("checked < '2025-02-30'", "'2025-02-30' is not a date; write a date as 'YYYY-MM-DD'"),
        ("checked < 20250101", "'checked' is a date, so it can only be compared with a date"),
        ("checked < adults", "'checked' is a date, so it can only be compared with a date"),
        ("checked in ['2025-01-01']", "not with 'in'"),
        ("checked + 1 > 3", "is not a number"),
    ],
)
def test_rules_refuse_to_compare_a_date_with_anything_but_a_date(rule: str, message: str) -> None:
    with pytest.raises(RuleError, match=message.replace("(", r"\(")):
        parse_rule(rule, RULE_NAMES)

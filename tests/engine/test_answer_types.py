"""Each answer type converts raw answers to rule values and back, refuses what does not fit, and reads in words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from prepcheck.engine import load_questionnaire
from prepcheck.engine.answer_types import label_answer
from prepcheck.engine.answers import convert_answer, to_document
from prepcheck.engine.rules import NOT_APPLICABLE
from prepcheck.views.present import AssessmentPresenter

TEST_QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "questionnaires" / "test"
TYPES = load_questionnaire(TEST_QUESTIONNAIRES / "web_answer_types.yaml")
QUESTIONS = TYPES.questions_by_id


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
    ],
)
def test_every_answer_type_reads_in_the_readers_language(question_id: str, answer: Any, english: str, dutch: str) -> None:
    question = QUESTIONS[question_id]
    assert AssessmentPresenter(TYPES, "en").answer_label(question, answer) == english
    assert AssessmentPresenter(TYPES, "nl").answer_label(question, answer) == dutch


class _PlainWording:
    """The engine's wording without catalogs or Babel: shows what labelling asks for."""

    def text(self, kind: str, item_id: str, field: str, source: str) -> str:
        return f"{source} ({item_id})"

    def ui(self, message: str) -> str:
        return message.upper()

    def amount(self, value: float, unit: str) -> str:
        return f"{value}|{unit}"


def test_labels_take_every_text_and_format_from_the_wording_they_are_given() -> None:
    words = _PlainWording()
    assert label_answer(QUESTIONS["litres"], 12, words) == "12|litres (litres)"
    assert label_answer(QUESTIONS["cash"], "yes", words) == "YES"
    assert label_answer(QUESTIONS["torch"], "n/a", words) == "NOT APPLICABLE"
    assert label_answer(QUESTIONS["torch"], "battery", words) == "A battery torch (torch.battery)"

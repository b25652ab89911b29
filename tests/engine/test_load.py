"""The loader: every kind of invalid file is reported with its line, key and a clear message, all at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import prepcheck.engine.load as load
from prepcheck.engine import QuestionnaireError, load_questionnaire, parse_questionnaire, validate_paths
from prepcheck.engine.model import QuestionType

INVALID = sorted((Path(__file__).parent.parent / "fixtures" / "invalid").glob("*.yaml"))
QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "questionnaires"
EXPECT = re.compile(r"^# expect: (\d+) (\S+) \| (.+)$")


def expectations(path: Path) -> list[tuple[int, str, str]]:
    """The (line, key, message part) triples written at the top of an invalid fixture."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = EXPECT.match(line)
        if match:
            found.append((int(match.group(1)), match.group(2), match.group(3)))
    return found


def test_there_is_an_invalid_fixture_for_each_kind_of_error() -> None:
    assert len(INVALID) >= 25


@pytest.mark.parametrize("fixture", INVALID, ids=lambda path: path.stem)
def test_invalid_file_reports_each_error_with_its_line_and_key(fixture: Path) -> None:
    expected = expectations(fixture)
    assert expected, f"{fixture.name} has no '# expect:' lines"
    with pytest.raises(QuestionnaireError) as raised:
        load_questionnaire(fixture)
    reported = [(error.line, error.key, error.message) for error in raised.value.errors]
    assert len(reported) == len(expected), reported
    for (line, key, part), (got_line, got_key, got_message) in zip(expected, reported):
        assert (got_line, got_key) == (line, key), reported
        assert part in got_message
    for error in raised.value.errors:
        assert str(error).startswith(f"{fixture}:{error.line}: {error.key}: ")


def test_several_errors_in_one_file_are_all_reported_together() -> None:
    with pytest.raises(QuestionnaireError) as raised:
        load_questionnaire(Path(__file__).parent.parent / "fixtures" / "invalid" / "many_errors_at_once.yaml")
    assert len(raised.value.errors) == 3


def test_every_bundled_questionnaire_is_valid() -> None:
    # The one test that runs the whole meaning check, reachability search included, on the shipped files: apps
    # may have loaded them already in this process, so the process's memory of them is set aside first.
    load._LOADED.clear()
    loaded, errors = validate_paths([QUESTIONNAIRES])
    assert errors == []
    assert {q.id for q in loaded} >= {"all_features"}


def test_a_missing_file_is_reported_not_raised_as_a_traceback() -> None:
    with pytest.raises(QuestionnaireError, match="cannot read the file"):
        load_questionnaire("/nonexistent/questionnaire.yaml")


def test_a_file_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(QuestionnaireError, match="must be a mapping"):
        parse_questionnaire("- just\n- a list\n", "list.yaml")


def test_a_huge_file_is_refused_before_parsing() -> None:
    with pytest.raises(QuestionnaireError, match="larger than"):
        parse_questionnaire("title: x\n" + "# padding\n" * 300_000, "huge.yaml")


def test_yes_and_no_stay_text_so_they_can_be_answer_values() -> None:
    questionnaire = load_questionnaire(QUESTIONNAIRES / "test" / "all_features.yaml")
    pet_plan = questionnaire.questions_by_id["pet_plan"]
    assert pet_plan.type is QuestionType.YES_NO
    assert pet_plan.option("no").critical is True


def test_loaded_questionnaire_is_indexed_and_frozen() -> None:
    questionnaire = load_questionnaire(QUESTIONNAIRES / "test" / "all_features.yaml")
    assert questionnaire.questions_by_id["water_litres"].page_id == "water_page"
    assert list(questionnaire.pages_by_id) == ["household", "water_page", "radio_page", "pets_page"]
    with pytest.raises(TypeError):
        questionnaire.questions_by_id["x"] = None  # type: ignore[index]

"""Loading once: a file is searched for unreachable parts once per content, and a changed file is searched again."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import prepcheck.engine.build as build
import prepcheck.engine.load as load
from prepcheck.engine import QuestionnaireError, load_questionnaire
from prepcheck.engine.load_cache import ReachabilityMarks
from prepcheck.engine.yaml_source import LineDict, LineList, read_yaml

ROOT = Path(__file__).resolve().parents[2]
NEVER_SHOWN = ROOT / "tests" / "fixtures" / "invalid" / "page_never_shown.yaml"


@pytest.fixture(autouse=True)
def _fresh_process_memory() -> None:
    """Each test starts as a new process would: nothing loaded yet."""
    load._LOADED.clear()


def _shown_variant(tmp_path: Path) -> Path:
    """The never-shown fixture with its page made reachable: a valid file that differs from it in one rule."""
    text = NEVER_SHOWN.read_text(encoding="utf-8").replace("show_if: adults < 1", "show_if: adults > 1")
    text = re.sub(r"^# expect:.*\n", "", text, flags=re.MULTILINE)
    path = tmp_path / "base.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_changed_after_it_passed_is_searched_again_and_its_unreachable_page_reported(tmp_path: Path) -> None:
    marks = ReachabilityMarks(tmp_path / "marks")
    path = _shown_variant(tmp_path)
    load_questionnaire(path, marks)
    load._LOADED.clear()
    shutil.copyfile(NEVER_SHOWN, path)

    with pytest.raises(QuestionnaireError, match="can never be shown"):
        load_questionnaire(path, marks)


def test_content_that_passed_in_another_process_is_not_searched_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marks = ReachabilityMarks(tmp_path / "marks")
    path = _shown_variant(tmp_path)
    load_questionnaire(path, marks)
    load._LOADED.clear()  # as if another process starts

    def search_must_not_run(*_: object) -> list[str]:
        raise AssertionError("the reachability search ran again")

    monkeypatch.setattr(build, "unreachable_pages", search_must_not_run)
    assert load_questionnaire(path, marks).id == "base"


def test_without_marks_every_new_process_searches_so_validate_never_trusts_a_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marks = ReachabilityMarks(tmp_path / "marks")
    path = _shown_variant(tmp_path)
    load_questionnaire(path, marks)
    load._LOADED.clear()
    searched: list[str] = []
    original = build.unreachable_pages
    monkeypatch.setattr(build, "unreachable_pages", lambda q: searched.append(q.id) or original(q))

    load_questionnaire(path)

    assert searched == ["base"]


def test_the_same_file_is_loaded_once_per_process(tmp_path: Path) -> None:
    path = _shown_variant(tmp_path)
    assert load_questionnaire(path) is load_questionnaire(path)


def test_a_cache_path_that_is_a_file_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    path = _shown_variant(tmp_path)
    assert load_questionnaire(path, ReachabilityMarks(blocker / "marks")).id == "base"
    load._LOADED.clear()
    assert load_questionnaire(path, ReachabilityMarks(blocker / "marks")).id == "base"


def _same_tree(first: object, second: object) -> None:
    assert type(first) is type(second)
    if isinstance(first, LineDict) and isinstance(second, LineDict):
        assert (list(first), first.line, first.key_lines) == (list(second), second.line, second.key_lines)
        for key in first:
            _same_tree(first[key], second[key])
    elif isinstance(first, LineList) and isinstance(second, LineList):
        assert (len(first), first.line, first.item_lines) == (len(second), second.line, second.item_lines)
        for left, right in zip(first, second):
            _same_tree(left, right)
    else:
        assert first == second


@pytest.mark.parametrize("name", ["household", "business"])
def test_libyaml_reads_a_known_file_into_the_same_tree_with_the_same_lines(name: str) -> None:
    text = (ROOT / "questionnaires" / f"{name}.yaml").read_text(encoding="utf-8")
    _same_tree(read_yaml(text), read_yaml(text, known_good=True))

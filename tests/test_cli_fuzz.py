"""Property-based fuzzing of the answers `prepcheck assess` accepts: any JSON gives exit 0 or 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from unittest.mock import patch

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcheck.cli import main
from prepcheck.engine.load import load_questionnaire

HOUSEHOLD = load_questionnaire(Path(__file__).resolve().parents[1] / "questionnaires" / "household.yaml")
QUESTION_IDS = sorted(HOUSEHOLD.questions_by_id)

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=10),
    st.sampled_from(["yes", "no", "dont_know", "none", "", "9" * 400]),
)
_JSON = st.recursive(
    _SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)),
    max_leaves=20,
)
_ANSWERS = st.one_of(
    _JSON,
    st.dictionaries(st.sampled_from(QUESTION_IDS), _JSON, max_size=12),
    st.dictionaries(st.sampled_from(QUESTION_IDS), _SCALARS, max_size=len(QUESTION_IDS)),
)


def _assess(stdin: str, *options: str) -> Any:
    # The questionnaire is loaded once (reading it takes a third of a second); the answers are what is fuzzed.
    with patch("prepcheck.cli.load_questionnaire", return_value=HOUSEHOLD):
        return CliRunner().invoke(main, ["assess", "-q", "household", *options, "-"], input=stdin)


@settings(max_examples=min(50, settings.default.max_examples), deadline=None)
@given(answers=_ANSWERS, output=st.sampled_from(["text", "json"]), lang=st.sampled_from(["en", "nl", "pap", "fy"]))
def test_any_json_answers_give_exit_0_or_2_never_a_traceback(answers: Any, output: str, lang: str) -> None:
    result = _assess(json.dumps(answers), "--format", output, "--lang", lang)
    assert result.exit_code in (0, 2), (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.strip()  # says what was wrong


@settings(max_examples=min(50, settings.default.max_examples), deadline=None)
@given(text=st.one_of(st.text(max_size=200), st.sampled_from(["", "{", "[1,", "NaN", "1e999", '{"a": Infinity}', "\ufeff{}"])))
def test_any_text_on_standard_input_gives_exit_0_or_2(text: str) -> None:
    result = _assess(text)
    assert result.exit_code in (0, 2), (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)

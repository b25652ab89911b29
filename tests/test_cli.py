"""The command line as a user runs it: validate, schema, assess (text and JSON, good and bad input)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from prepcheck.cli import main
from prepcheck.engine.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_ANSWERS = ROOT / "tests" / "fixtures" / "answers" / "all_features_example.json"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_validate_accepts_every_bundled_questionnaire() -> None:
    code, out, err = run("validate", str(ROOT / "questionnaires"))
    assert code == 0, err
    assert "all_features" in out


def test_validate_prints_every_error_with_file_line_and_key_and_fails() -> None:
    bad = ROOT / "tests" / "fixtures" / "invalid" / "many_errors_at_once.yaml"
    code, _, err = run("validate", str(bad))
    assert code == 1
    assert f"{bad}:31: pages[1].questions[0].domain: unknown domain 'wtaer'" in err
    assert f"{bad}:44: actions[0].sources[1]: unknown source 'S9'" in err
    assert "3 error(s)" in err


def test_validate_reports_a_path_that_does_not_exist() -> None:
    code, _, err = run("validate", "/nonexistent.yaml")
    assert code == 1
    assert "no such file" in err


def test_schema_is_json_schema_that_accepts_the_example_questionnaire() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    example = read_yaml((ROOT / "questionnaires" / "test" / "all_features.yaml").read_text())
    jsonschema.Draft202012Validator(schema).validate(example)


def test_assess_prints_levels_actions_and_quantities_as_text() -> None:
    code, out, err = run("assess", str(EXAMPLE_ANSWERS), "--questionnaire", "all_features")
    assert code == 0, err
    assert "Overall: Vulnerable" in out
    assert "1. Store drinking water [urgent] — This week" in out
    assert "Drinking water for three days: 20 litres" in out
    assert "https://english.denkvooruit.nl/questions-and-answers" in out


def test_assess_json_holds_scores_actions_and_sources() -> None:
    code, out, _ = run("assess", str(EXAMPLE_ANSWERS), "-q", "all_features", "--format", "json")
    assert code == 0
    view = json.loads(out)
    assert view["level"] == "vulnerable"
    assert [d["id"] for d in view["domains"]] == ["water", "contact"]
    assert view["actions"][0]["id"] == "store_water"
    assert view["actions"][0]["quantities"][0]["formatted"] == "20 litres"
    assert {s["id"] for s in view["sources"]} == {"S1", "S2"}


def test_assess_reads_answers_from_standard_input() -> None:
    code, out, _ = run("assess", "-", "-q", "all_features", "--format", "json", stdin=EXAMPLE_ANSWERS.read_text())
    assert code == 0
    assert json.loads(out)["questionnaire"]["id"] == "all_features"


def test_assess_lists_every_problem_and_exits_2() -> None:
    bad = json.dumps({"adults": 99, "radio": "fm", "colour": "blue"})
    code, _, err = run("assess", "-", "-q", "all_features", stdin=bad)
    assert code == 2
    assert "'adults' must be between 1 and 20" in err
    assert "'radio' has no option 'fm'" in err
    assert "there is no question 'colour'" in err
    assert "Traceback" not in err


def test_assess_explains_broken_json_and_exits_2() -> None:
    code, _, err = run("assess", "-", "-q", "all_features", stdin="{not json")
    assert code == 2
    assert "is not valid JSON (line 1" in err


def test_assess_explains_an_unknown_questionnaire_and_exits_2() -> None:
    code, _, err = run("assess", str(EXAMPLE_ANSWERS), "-q", "nope")
    assert code == 2
    assert "no questionnaire with the id 'nope'" in err


def test_assess_explains_a_missing_answers_file_and_exits_2() -> None:
    code, _, err = run("assess", "/nonexistent.json", "-q", "all_features")
    assert code == 2
    assert "cannot read /nonexistent.json" in err

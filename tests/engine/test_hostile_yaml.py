"""Hostile questionnaire and tenant files get a clear error quickly: never a hang, a RecursionError or a crash."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from prepcheck.engine.load import QuestionnaireError, load_questionnaire, parse_questionnaire
from prepcheck.tenants.load import TenantError, load_tenant

HOUSEHOLD = (Path(__file__).resolve().parents[2] / "questionnaires" / "household.yaml").read_text(encoding="utf-8")
LAUGHS = "\n".join(
    ['lol0: &l0 "lol"'] + [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)] + ["boom: *l9"]
)

HOSTILE: dict[str, tuple[str, str]] = {
    "deep flow lists": ("id: x\nvalue: " + "[" * 100_000 + "]" * 100_000 + "\n", "nests deeper than"),
    "deep flow mappings": ("id: x\nvalue: " + "{a: " * 20_000 + "1" + "}" * 20_000 + "\n", "nests deeper than"),
    "deep block mappings": ("id: x\n" + "".join(" " * i + f"k{i}:\n" for i in range(500)), "nests deeper than"),
    "huge float": (re.sub(r"(?m)^version: \d+$", "version: 1.0e+400", HOUSEHOLD, count=1), "too large"),
    "huge int (10**5000)": (
        re.sub(r"(?m)^version: \d+$", "version: 1" + "0" * 5000, HOUSEHOLD, count=1),
        "number is too long",
    ),
    "huge int in a list": ("id: x\nitems: [" + "9" * 10_000 + "]\n", "number is too long"),
    "not a number": ("id: x\nvalue: .nan\n", "not a number"),
    "billion laughs": (LAUGHS, "aliases"),
}


def _quickly(call):  # type: ignore[no-untyped-def]
    started = time.monotonic()
    try:
        return call()
    finally:
        assert time.monotonic() - started < 5, "took too long"


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_questionnaire_gets_a_clear_error(name: str) -> None:
    text, expected = HOSTILE[name]
    with pytest.raises(QuestionnaireError) as caught:
        _quickly(lambda: parse_questionnaire(text, "hostile.yaml"))
    assert expected in str(caught.value)
    assert str(caught.value).startswith("hostile.yaml:")


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_tenant_file_gets_a_clear_error(name: str, tmp_path: Path) -> None:
    text, expected = HOSTILE[name]
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "tenant.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(TenantError) as caught:
        _quickly(lambda: load_tenant(folder))
    message = str(caught.value)
    assert expected in message or "larger than" in message  # tenant files have a smaller size cap


def test_non_utf8_bytes_get_a_clear_error(tmp_path: Path) -> None:
    questionnaire = tmp_path / "latin1.yaml"
    questionnaire.write_bytes("id: caf\u00e9\ntitle: \u00e9t\u00e9\n".encode("latin-1"))
    with pytest.raises(QuestionnaireError, match="cannot read the file"):
        load_questionnaire(questionnaire)
    folder = tmp_path / "latin1"
    folder.mkdir()
    (folder / "tenant.yaml").write_bytes(b"name: Gemeente \xe9\xff\n")
    with pytest.raises(TenantError, match="cannot read the file"):
        load_tenant(folder)


def test_control_characters_get_a_clear_error() -> None:
    with pytest.raises(QuestionnaireError, match="not valid YAML"):
        parse_questionnaire("id: x\x00\x07\n", "control.yaml")


def test_ordinary_numbers_and_nesting_still_load() -> None:
    assert parse_questionnaire(HOUSEHOLD, "household.yaml").id == "household"

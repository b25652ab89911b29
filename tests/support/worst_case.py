"""The worst-case household: the answers that give the longest plan one household can get (45 of 54 actions).

The nine actions it lacks exclude others: six are for the European Netherlands only (it lives on Saba, which
adds the hurricane actions), one of 'store water now' and 'add water', one of 'get a radio' and 'radio batteries',
one of 'get your daily medicines today' and 'keep a small reserve'.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flask import Flask

from prepcheck.services import services_of
from prepcheck.store import ResponseDocument

WORST_CASE = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "household_worst_case.json"


def worst_case_answers() -> dict[str, Any]:
    answers: dict[str, Any] = json.loads(WORST_CASE.read_text(encoding="utf-8"))
    return answers


def stored_worst_case(application: Flask, language: str = "en") -> str:
    """A finished household check with the worst-case answers in the app's store; its journey's base path."""
    questionnaire = services_of(application).questionnaires["household"]
    document = ResponseDocument("household", questionnaire.version, language).with_answers(worst_case_answers())
    stored = services_of(application).responses.create(document)
    return f"/{language}/household/{stored.response_id}"

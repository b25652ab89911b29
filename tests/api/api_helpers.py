"""Helpers for the API tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ANSWERS_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "answers"


def fixture_answers(name: str) -> dict[str, Any]:
    """A complete answer set from tests/fixtures/answers."""
    return json.loads((ANSWERS_DIR / f"{name}.json").read_text(encoding="utf-8"))

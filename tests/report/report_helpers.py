"""Helpers for the report tests: assessed example answers and PDF text extraction."""

from __future__ import annotations

import datetime as dt
import json
from io import BytesIO
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from prepcheck.engine import Assessment, Questionnaire, assess, load_questionnaire

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "tests" / "fixtures" / "answers"
CREATED = dt.date(2026, 11, 28)


def assessed(questionnaire_id: str, answers_file: str) -> tuple[Questionnaire, Assessment]:
    questionnaire = load_questionnaire(ROOT / "questionnaires" / f"{questionnaire_id}.yaml")
    answers: dict[str, Any] = json.loads((ANSWERS / answers_file).read_text(encoding="utf-8"))
    return questionnaire, assess(questionnaire, answers)


def pdf_text(pdf: bytes) -> str:
    """All text of the PDF, pages joined, whitespace folded (so sentences broken over lines still match)."""
    reader = PdfReader(BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)

"""Shared pieces for the report tests: assessed example answers and PDF text extraction."""

from __future__ import annotations

import datetime as dt
import json
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from prepcheck.engine import Assessment, Questionnaire, assess, load_questionnaire
from prepcheck.report.service import PlanService

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


@pytest.fixture(scope="session")
def household() -> tuple[Questionnaire, Assessment]:
    return assessed("household", "household_family.json")


@pytest.fixture(scope="session")
def business() -> tuple[Questionnaire, Assessment]:
    return assessed("business", "business_photonics.json")


@pytest.fixture(scope="session")
def household_pdf(household: tuple[Questionnaire, Assessment]) -> bytes:
    questionnaire, assessment = household
    service = PlanService()
    return service.pdf(questionnaire, service.request_for(questionnaire, assessment, "en", created=CREATED, resume_code="K7QM-3XWA-9TPE"))

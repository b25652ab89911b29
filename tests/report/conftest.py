"""Shared pieces for the report tests: assessed example answers and PDF text extraction."""

from __future__ import annotations

import pytest

from prepcheck.engine import Assessment, Questionnaire
from prepcheck.report.service import PlanService
from tests.report.report_helpers import CREATED, assessed


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
    return service.pdf(
        questionnaire, service.request_for(questionnaire, assessment, "en", created=CREATED, resume_code="K7QM-3XWA-9TPE")
    )

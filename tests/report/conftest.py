"""Shared pieces for the report tests: assessed example answers and their plans."""

from __future__ import annotations

import pytest

from prepcheck.engine import Assessment, Questionnaire
from tests.report.report_helpers import assessed, plan_pdf


@pytest.fixture(scope="session")
def household() -> tuple[Questionnaire, Assessment]:
    return assessed("household", "household_family.json")


@pytest.fixture(scope="session")
def business() -> tuple[Questionnaire, Assessment]:
    return assessed("business", "business_photonics.json")


@pytest.fixture(scope="session")
def household_pdf(household: tuple[Questionnaire, Assessment]) -> bytes:
    return plan_pdf(*household)


@pytest.fixture(scope="session")
def business_pdf(business: tuple[Questionnaire, Assessment]) -> bytes:
    return plan_pdf(*business)

"""Helpers for the report tests: assessed example answers, and a plan's PDF with the links the web app prints."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from prepcheck.engine import Assessment, Questionnaire, assess, load_questionnaire
from prepcheck.engine.recheck_code import assessment_code
from prepcheck.report.service import PlanService
from prepcheck.services import SiteAddress
from tests.support.pdf_checks import pdf_text

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "tests" / "fixtures" / "answers"
CREATED = dt.date(2026, 11, 28)
SITE = "https://zelftest.example.nl"

__all__ = ["ANSWERS", "CREATED", "SITE", "assessed", "pdf_text", "plan_pdf", "questionnaire_named", "real_link"]


def questionnaire_named(questionnaire_id: str) -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / f"{questionnaire_id}.yaml")


def assessed(questionnaire_id: str, answers_file: str) -> tuple[Questionnaire, Assessment]:
    answers: dict[str, Any] = json.loads((ANSWERS / answers_file).read_text(encoding="utf-8"))
    questionnaire = questionnaire_named(questionnaire_id)
    return questionnaire, assess(questionnaire, answers)


def real_link(questionnaire: Questionnaire, assessment: Assessment, locale: str) -> str:
    """The re-check link as the web app builds it: the site, then the answers and scores after '#'."""
    return SiteAddress(SITE).recheck_link(locale, questionnaire.id, assessment_code(assessment))


def plan_pdf(questionnaire: Questionnaire, assessment: Assessment, locale: str = "en", **options: Any) -> bytes:
    """The plan as the web app prints it: with the real re-check link and the sources link."""
    service = PlanService()
    request = service.request_for(
        questionnaire,
        assessment,
        locale,
        created=CREATED,
        recheck_url=real_link(questionnaire, assessment, locale),
        sources_url=SiteAddress(SITE).sources_link(locale, questionnaire.id),
        **options,
    )
    return service.pdf(questionnaire, request)

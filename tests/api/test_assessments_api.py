"""Assessing answers through the API: the presented assessment in JSON, or the PDF; nothing is stored."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from prepcheck.engine import Context, assess
from prepcheck.report.renderer import PlanOrder, PlanState
from prepcheck.services import install_services, services_of
from prepcheck.views.documents import to_json
from prepcheck.views.present import AssessmentPresenter


def test_assessment_is_the_presented_assessment(app: Flask, client: FlaskClient, household_answers: dict[str, Any]) -> None:
    response = client.post("/api/v1/assessments", json={"questionnaire": "household", "answers": household_answers, "lang": "en"})
    assert response.status_code == 200
    body = response.get_json()
    questionnaire = services_of(app).questionnaires["household"]
    expected = to_json(
        AssessmentPresenter(questionnaire, "en").present(assess(questionnaire, household_answers, Context(locale="en")))
    )
    assert {key: body[key] for key in expected} == expected
    assert body["actions"] and body["quantities"] and body["sources"]


def test_assessment_speaks_the_requested_language(client: FlaskClient, business_answers: dict[str, Any]) -> None:
    english = client.post("/api/v1/assessments", json={"questionnaire": "business", "answers": business_answers, "lang": "en"})
    dutch = client.post("/api/v1/assessments", json={"questionnaire": "business", "answers": business_answers, "lang": "nl"})
    assert english.get_json()["score"] == dutch.get_json()["score"]
    assert english.get_json()["level_title"] != dutch.get_json()["level_title"]
    assert dutch.headers["Content-Language"] == "nl"


def test_assessing_stores_nothing(app: Flask, client: FlaskClient, household_answers: dict[str, Any]) -> None:
    def instance_files() -> list[tuple[str, bytes]]:
        return sorted((path.name, path.read_bytes()) for path in Path(app.instance_path).iterdir() if path.is_file())

    before = instance_files()
    client.post("/api/v1/assessments", json={"questionnaire": "household", "answers": household_answers})
    client.post("/api/v1/assessments", json={"questionnaire": "household", "answers": {}})
    assert instance_files() == before
    response = client.post("/api/v1/assessments", json={"questionnaire": "household", "answers": household_answers})
    assert response.headers["Cache-Control"] == "no-store"


def test_pdf_is_a_pdf_in_the_requested_language(client: FlaskClient, household_answers: dict[str, Any]) -> None:
    response = client.post(
        "/api/v1/assessments/pdf", json={"questionnaire": "household", "answers": household_answers, "lang": "fy"}
    )
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert response.headers["Content-Language"] == "fy"
    assert "attachment" in response.headers["Content-Disposition"]


def test_pdf_comes_from_the_apps_plan_renderer(app: Flask, client: FlaskClient, household_answers: dict[str, Any]) -> None:
    orders: list[PlanOrder] = []

    class FakePlans:
        def pdf(self, order: PlanOrder, *, retry: bool = False) -> bytes:
            raise AssertionError("the API waits for its PDF")

        def wait(self, order: PlanOrder, seconds: float) -> bytes:
            orders.append(order)
            return b"%PDF-1.7 fake"

        def state(self, order: PlanOrder) -> PlanState:
            return PlanState.MISSING

        def readiness(self) -> dict[str, str]:
            return {}

    install_services(app, replace(services_of(app), plans=FakePlans()))
    response = client.post(
        "/api/v1/assessments/pdf", json={"questionnaire": "household", "answers": household_answers, "lang": "pap"}
    )
    assert response.data == b"%PDF-1.7 fake"
    assert [(order.questionnaire.id, order.request.locale) for order in orders] == [("household", "pap")]


def test_answers_on_an_abandoned_branch_do_not_change_the_result(client: FlaskClient, household_answers: dict[str, Any]) -> None:
    # household_family lives in the Netherlands, so the island-only answers in the fixture are ignored.
    island_only = {"shutters", "storm_shelter", "cistern", "cash_awg"}
    trimmed = {key: value for key, value in household_answers.items() if key not in island_only}
    full = client.post("/api/v1/assessments", json={"questionnaire": "household", "answers": household_answers}).get_json()
    less = client.post("/api/v1/assessments", json={"questionnaire": "household", "answers": trimmed}).get_json()
    assert (full["score"], full["domains"]) == (less["score"], less["domains"])

"""In the default mode a plan is made in the background: a slow one shows "being prepared", never a hung click."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

import prepcheck.api.routes
from prepcheck.report.cache import PdfCache
from prepcheck.report.renderers import InProcessPlans
from prepcheck.report.service import PlanService
from prepcheck.report.workers import RenderPool
from prepcheck.resources import bundled_dir
from prepcheck.services import services_of
from tests.support.gated_plans import gated_plans
from tests.support.plan_download import follow_download
from tests.support.web_apps import checked_app, swap_services
from tests.support.web_journey import h1, soup
from tests.support.worst_case import stored_worst_case, worst_case_answers

WARM_UP = "<!doctype html><html lang='en'><head><title>t</title></head><body><p>warm</p></body></html>"


@pytest.fixture()
def app(tmp_path: Path) -> Flask:
    """The app with the questionnaires users get: the worst case is a household check."""
    return checked_app(tmp_path / "instance", questionnaire_dir=bundled_dir("questionnaires"))


def test_the_result_page_makes_no_plan(app: Flask, client: FlaskClient) -> None:
    pool = gated_plans(app)
    journey = stored_worst_case(app)
    assert client.get(f"{journey}/your-result").status_code == 200
    plans = services_of(app).plans
    assert isinstance(plans, InProcessPlans)
    assert plans.runs.pending() == 0 and pool.renders == 0
    status = client.get(f"{journey}/action-plan")  # nobody asked for it: the status page sends to the download
    assert status.status_code == 303 and status.location == f"{journey}/action-plan.pdf"


def test_a_slow_plan_shows_the_being_prepared_page_and_then_the_pdf(app: Flask, client: FlaskClient) -> None:
    pool = gated_plans(app)
    journey = stored_worst_case(app)
    asked = client.get(f"{journey}/action-plan.pdf")  # answers while the render still waits at the gate
    assert asked.status_code == 303 and asked.location == f"{journey}/action-plan"
    waiting = client.get(f"{journey}/action-plan")
    assert waiting.status_code == 200
    assert h1(waiting) == "Your action plan is being prepared"
    assert soup(waiting).find("meta", attrs={"http-equiv": "refresh"})["content"] == "2"

    pool.gate.set()
    pdf = follow_download(client, f"{journey}/action-plan")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF-")
    assert pdf.headers["Content-Disposition"] == 'attachment; filename="prepcheck-household.pdf"'
    assert pool.renders == 1


def test_a_second_click_while_the_plan_is_made_joins_the_same_render(app: Flask) -> None:
    pool = gated_plans(app)
    journey = stored_worst_case(app)
    statuses: list[int] = []

    def click() -> None:
        statuses.append(app.test_client(use_cookies=False).get(f"{journey}/action-plan.pdf").status_code)

    clicks = [threading.Thread(target=click) for _ in range(2)]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join()
    assert statuses == [303, 303]
    pool.gate.set()
    assert follow_download(app.test_client(use_cookies=False), f"{journey}/action-plan.pdf").data.startswith(b"%PDF-")
    assert pool.renders == 1


def test_a_render_that_runs_out_of_time_is_logged_without_ids_and_offers_to_try_again(
    app: Flask, client: FlaskClient, log_lines: io.StringIO
) -> None:
    journey = stored_worst_case(app)
    with RenderPool(size=1, timeout=0.2) as pool:
        pool.render(WARM_UP)  # started and warmed up; the worst case takes longer than 0.2 s
        swap_services(app, plans=InProcessPlans(PlanService(pool=pool, cache=PdfCache())))
        failed = follow_download(client, f"{journey}/action-plan.pdf")
    assert failed.status_code == 503
    assert "Your answers are safe" in soup(failed).get_text()
    assert soup(failed).find("a", string="Try again")["href"].startswith(f"{journey}/action-plan.pdf")

    lines = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    (timed_out,) = [line for line in lines if line["message"] == "plan render timed out"]
    assert timed_out["level"] == "warning"
    assert timed_out["questionnaire"] == "household"
    assert timed_out["limit_s"] == 0.2 and timed_out["render_ms"] >= 200
    response_id = journey.rsplit("/", 1)[1]
    assert response_id not in log_lines.getvalue()
    assert "saba" not in log_lines.getvalue()  # nor any answer


def test_a_render_that_fails_after_the_wait_says_so_and_try_again_makes_it_again(app: Flask, client: FlaskClient) -> None:
    pool = gated_plans(app)
    journey = stored_worst_case(app)
    assert client.get(f"{journey}/action-plan.pdf").status_code == 303
    pool.failing = True
    pool.gate.set()
    failed = follow_download(client, f"{journey}/action-plan")
    assert failed.status_code == 503
    assert h1(failed) == "Your action plan could not be made"
    retry = soup(failed).find("a", string="Try again")["href"]
    assert retry == f"{journey}/action-plan.pdf?retry=1"

    pool.failing = False
    assert follow_download(client, retry).data.startswith(b"%PDF-")
    assert pool.renders == 2


def test_a_status_poll_on_another_process_starts_that_processs_own_render(tmp_path: Path, app: Flask) -> None:
    other_process = checked_app(tmp_path / "instance", questionnaire_dir=bundled_dir("questionnaires"))
    here, there = gated_plans(app), gated_plans(other_process)
    journey = stored_worst_case(app)
    assert app.test_client(use_cookies=False).get(f"{journey}/action-plan.pdf").status_code == 303
    elsewhere = other_process.test_client(use_cookies=False)
    status = elsewhere.get(f"{journey}/action-plan")
    assert status.status_code == 303 and status.location == f"{journey}/action-plan.pdf"
    there.gate.set()
    assert follow_download(elsewhere, status.location).data.startswith(b"%PDF-")
    here.gate.set()
    assert (here.renders, there.renders) == (1, 1)


def test_the_api_waits_for_a_plan_made_in_the_background_then_says_try_again_and_keeps_making_it(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prepcheck.api.routes, "PDF_WAIT_SECONDS", 0.5)
    pool = gated_plans(app)
    body = {"questionnaire": "household", "answers": worst_case_answers(), "lang": "en"}
    refused = app.test_client().post("/api/v1/assessments/pdf", json=body)
    assert refused.status_code == 503
    assert refused.mimetype == "application/problem+json"
    assert refused.json["type"].endswith("/plan-unavailable")
    assert int(refused.headers["Retry-After"]) > 0

    monkeypatch.setattr(prepcheck.api.routes, "PDF_WAIT_SECONDS", 60.0)
    pool.gate.set()
    again = app.test_client().post("/api/v1/assessments/pdf", json=body)
    assert again.status_code == 200 and again.data.startswith(b"%PDF-")
    assert pool.renders == 1


def test_the_default_time_limit_lets_the_worst_case_plan_be_made_in_worker_processes(tmp_path: Path) -> None:
    default_app = checked_app(tmp_path / "defaults", questionnaire_dir=bundled_dir("questionnaires"), pdf_workers=1)
    plans = services_of(default_app).plans
    assert isinstance(plans, InProcessPlans) and plans.service.pool is not None
    try:
        journey = stored_worst_case(default_app)
        pdf = follow_download(default_app.test_client(use_cookies=False), f"{journey}/action-plan.pdf")
    finally:
        plans.service.pool.close()
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF-")

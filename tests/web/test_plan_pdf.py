"""The action plan download: from the result page, in the reader's language, and a clear retry when it fails."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from prepcheck.report.renderers import InProcessPlans
from prepcheck.report.service import PlanService
from prepcheck.report.workers import RenderError
from prepcheck.services import services_of
from tests.support.pdf_checks import link_targets, pdf_text
from tests.support.plan_download import follow_download
from tests.support.web_apps import checked_app, render_plans_in_process
from tests.support.web_journey import answer, soup, start

PAGES = {
    "household": {"adults": "2", "pets": "1"},
    "water_page": {"water_litres": "4", "refresh": "dont_know"},
    "radio_page": {"radio": "none", "channels": ["paper_list", "meeting_place"]},
    "pets_page": {"pet_plan": "no", "note": "Cat flap is broken"},
}


@pytest.fixture()
def in_process_plans(app: Flask) -> PlanService:
    """Render in this process, so each test does not start worker processes of its own."""
    return render_plans_in_process(app)


def complete(client: FlaskClient, prefix: str = "") -> str:
    """Answer all_features to the end; the result page's URL."""
    url = start(client, "all_features")
    if prefix:
        url = prefix + url
    for answers in PAGES.values():
        url = answer(client, url, answers).location
    return url.replace("check-your-answers", "your-result")


def test_the_result_page_offers_the_plan_and_the_pdf_lists_the_same_actions_in_order(
    client: FlaskClient, in_process_plans: PlanService
) -> None:
    result = client.get(complete(client))
    link = soup(result).find("a", string="Download your action plan (PDF)")
    plan = [
        item.select_one(".plan-title").get_text(" ", strip=True).removeprefix("Urgent ")
        for item in soup(result).select(".plan-item")
    ]
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    text = pdf_text(response.data)
    positions = [text.index(f"{number}. {title}") for number, title in enumerate(plan, start=1)]
    assert positions == sorted(positions)
    # The household's own amount, in the step's sentence as on the result page.
    assert "Store drinking water: 20 litres" in text


def test_the_pdf_is_in_the_language_of_the_journey(client: FlaskClient, in_process_plans: PlanService) -> None:
    result_url = complete(client, prefix="/nl")
    assert result_url.startswith("/nl/")
    link = soup(client.get(result_url)).select_one("a.button[href$='action-plan.pdf']")
    reader = PdfReader(BytesIO(client.get(link["href"]).data))
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert "Je actieplan" in pdf_text(client.get(link["href"]).data)


def test_a_failed_render_says_so_offers_a_retry_and_keeps_the_answers(
    client: FlaskClient, in_process_plans: PlanService, monkeypatch: pytest.MonkeyPatch
) -> None:
    result_url = complete(client)

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RenderError("the PDF worker stopped unexpectedly")

    monkeypatch.setattr(in_process_plans, "pdf", broken)
    pdf_url = result_url.replace("your-result", "action-plan.pdf")
    response = client.get(pdf_url)
    assert response.status_code == 503
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Your action plan could not be made just now"
    assert page.find("a", string="Try again")["href"] == pdf_url
    assert client.get(result_url).status_code == 200


def test_the_printed_plan_holds_no_resume_code_and_links_to_the_sources_page(
    client: FlaskClient, in_process_plans: PlanService
) -> None:
    result_url = complete(client)
    resume_code = soup(client.get(result_url)).select_one(".resume-code").get_text(strip=True)
    pdf = client.get(result_url.replace("your-result", "action-plan.pdf")).data
    text = pdf_text(pdf)
    assert resume_code.replace("-", "") not in text.replace("-", "").replace(" ", "")
    assert "http://localhost/en/all_features/sources" in link_targets(pdf)
    assert client.get("/en/all_features/sources").status_code == 200


def test_there_is_no_plan_before_the_check_is_complete(client: FlaskClient, in_process_plans: PlanService) -> None:
    first = start(client, "all_features")
    response = client.get(first.rsplit("/", 1)[0] + "/action-plan.pdf")
    assert response.status_code == 404


def test_the_app_renders_plans_in_worker_processes_by_default(tmp_path: Path) -> None:
    app = checked_app(tmp_path / "instance", pdf_workers=1)
    plans = services_of(app).plans
    assert isinstance(plans, InProcessPlans)
    service = plans.service
    assert service.pool is not None and service.pool.worker_pids() == []  # started by the first download, not the app
    client = app.test_client(use_cookies=False)
    response = follow_download(client, complete(client).replace("your-result", "action-plan.pdf"))
    try:
        assert response.data.startswith(b"%PDF-")
        assert service.pool is not None and len(service.pool.worker_pids()) == 1
    finally:
        service.pool.close()

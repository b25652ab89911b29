"""The JSON API's PDF in queue mode: a worker renders it and the API answers with the PDF, or a clear 503."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

import prepcheck.api.routes
from prepcheck import create_app
from tests.queue.queue_steps import pdf_text, queued, run_jobs

ANSWERS = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "household_family.json").read_text())


def _api_app(tmp_path: Path, redis_url: str, **overrides: Any) -> Flask:
    application = create_app(
        instance_path=tmp_path / "instance", redis_url=redis_url, rate_limit_pdf="1000 per minute", **overrides
    )
    application.config["TESTING"] = True
    return application


def _post_pdf(application: Flask):  # type: ignore[no-untyped-def]
    return application.test_client().post(
        "/api/v1/assessments/pdf", json={"questionnaire": "household", "answers": ANSWERS, "lang": "nl"}
    )


def test_the_api_answers_with_the_pdf_a_worker_made(tmp_path: Path, redis_url: str) -> None:
    application = _api_app(tmp_path, redis_url)
    answers: list[Any] = []
    # The API call waits for the worker, so it runs beside this thread, which does the worker's job.
    thread = threading.Thread(target=lambda: answers.append(_post_pdf(application)), daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while thread.is_alive() and time.monotonic() < deadline:
        if not run_jobs(redis_url):
            time.sleep(0.05)
    thread.join(timeout=5)
    response = answers[0]
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Language"] == "nl"
    assert "Actieplan" in pdf_text(response.data) or "actieplan" in pdf_text(response.data).lower()


def test_without_a_free_worker_the_api_says_try_again_and_the_plan_stays_asked_for(
    tmp_path: Path, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prepcheck.api.routes, "PDF_WAIT_SECONDS", 0.5)
    application = _api_app(tmp_path, redis_url)
    refused = _post_pdf(application)
    assert refused.status_code == 503
    assert refused.mimetype == "application/problem+json"
    assert int(refused.headers["Retry-After"]) > 0
    assert refused.json["type"].endswith("/plan-unavailable")
    assert len(queued(redis_url)) == 1  # not lost: a worker makes it, and the same request then gets it at once

    assert run_jobs(redis_url)
    again = _post_pdf(application)
    assert again.status_code == 200
    assert again.data.startswith(b"%PDF-")
    assert queued(redis_url) == []

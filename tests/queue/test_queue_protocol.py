"""Queue mode through the web: the download asks a worker, the status page waits, fails clearly, and retries."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from rq.job import Job

import prepcheck.report.jobs
from prepcheck import create_app
from prepcheck.report.plan_queue import JOB_PREFIX
from tests.queue.queue_steps import complete, pdf_text, queue_mode_app, queued, run_jobs
from tests.support.paths import TEST_QUESTIONNAIRES
from tests.support.web_apps import render_plans_in_process
from tests.support.web_journey import soup


def h1(response) -> str:  # type: ignore[no-untyped-def]
    return soup(response).find("h1").get_text(" ", strip=True)


def test_the_download_asks_a_worker_and_the_status_page_refreshes_itself_until_the_pdf_is_ready(
    client: FlaskClient, redis_url: str
) -> None:
    journey = complete(client)
    asked = client.get(f"{journey}/action-plan.pdf")
    assert asked.status_code == 303
    assert asked.location == f"{journey}/action-plan"

    waiting = client.get(f"{journey}/action-plan")
    assert waiting.status_code == 200
    page = soup(waiting)
    assert h1(waiting) == "Your action plan is being prepared"
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "2"
    assert page.find("a", string="Refresh")["href"] == f"{journey}/action-plan"
    assert page.find("a", string="Go back to your result")["href"] == f"{journey}/your-result"
    assert page.find("script") is None  # no JavaScript needed

    assert run_jobs(redis_url)
    ready = client.get(f"{journey}/action-plan")
    assert ready.status_code == 200
    assert h1(ready) == "Your action plan is ready"
    # The page starts the download by itself and stays, saying it is ready, with a button in case it did not.
    assert soup(ready).find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={journey}/action-plan.pdf"
    assert soup(ready).find("a", string="Download your action plan (PDF)")["href"] == f"{journey}/action-plan.pdf"
    pdf = client.get(f"{journey}/action-plan.pdf")
    assert pdf.status_code == 200
    assert pdf.mimetype == "application/pdf"
    assert pdf.headers["Content-Disposition"].startswith("attachment;")
    assert pdf.headers["Cache-Control"] == "no-store"
    assert "Store drinking water: 20 litres" in pdf_text(pdf.data)


def test_the_result_page_link_has_no_download_attribute_so_a_redirect_to_the_status_page_navigates(
    client: FlaskClient,
) -> None:
    journey = complete(client)
    link = soup(client.get(f"{journey}/your-result")).select_one("a[href$='action-plan.pdf']")
    assert link is not None and not link.has_attr("download")


def test_requests_on_any_process_at_the_same_moment_share_one_job(tmp_path: Path, app: Flask, redis_url: str) -> None:
    other_process = queue_mode_app(tmp_path / "instance", redis_url)  # same database and secret, no shared memory
    journey = complete(app.test_client(use_cookies=False))
    clients = [a.test_client(use_cookies=False) for a in (app, other_process) for _ in range(3)]
    statuses: list[int] = []

    def download(client: FlaskClient) -> None:
        statuses.append(client.get(f"{journey}/action-plan.pdf").status_code)

    threads = [threading.Thread(target=download, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [303] * 6
    assert len(queued(redis_url)) == 1
    assert other_process.test_client(use_cookies=False).get(f"{journey}/action-plan.pdf").status_code == 303
    assert len(queued(redis_url)) == 1  # asking again while it waits adds nothing


def test_a_finished_pdf_is_served_from_redis_by_a_process_that_never_saw_it(
    tmp_path: Path, client: FlaskClient, redis_url: str
) -> None:
    journey = complete(client)
    client.get(f"{journey}/action-plan.pdf")
    run_jobs(redis_url)
    fresh_process = queue_mode_app(tmp_path / "instance", redis_url).test_client(use_cookies=False)
    response = fresh_process.get(f"{journey}/action-plan.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    assert queued(redis_url) == []


def test_a_failed_job_says_so_keeps_no_error_text_and_is_made_again_only_when_the_user_asks(
    client: FlaskClient, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey = complete(client)

    def broken(*args: object, **kwargs: object) -> bytes:
        raise ValueError("Cat flap is broken")  # as if the renderer quoted an answer

    monkeypatch.setattr(prepcheck.report.jobs, "html_to_pdf", broken)
    client.get(f"{journey}/action-plan.pdf")
    run_jobs(redis_url)  # the job fails, is retried once, and fails again

    failed = client.get(f"{journey}/action-plan")
    assert failed.status_code == 503
    page = soup(failed)
    assert h1(failed) == "Your action plan could not be made"
    assert "Your answers are safe" in page.get_text()
    assert page.find("a", string="Try again")["href"] == f"{journey}/action-plan.pdf?retry=1"
    assert page.find("a", string="Go back to your result")["href"] == f"{journey}/your-result"
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None

    (job_id,) = Redis.from_url(redis_url).zrange("rq:failed:prepcheck-pdf", 0, -1)
    job = Job.fetch(job_id.decode(), connection=Redis.from_url(redis_url))
    errors = [result.exc_string or "" for result in job.results()]
    assert any("ValueError" in error for error in errors)
    assert not any("Cat flap" in error for error in errors)

    for plain in ("", "?retry=0", "?retry=yes", "?retry=1%27%20or%201=1", "?retry="):
        response = client.get(f"{journey}/action-plan.pdf{plain}")
        assert response.status_code == 303 and response.location == f"{journey}/action-plan"
    assert queued(redis_url) == []
    assert client.get(f"{journey}/action-plan").status_code == 503

    monkeypatch.undo()
    retried = client.get(f"{journey}/action-plan.pdf?retry=1")
    assert retried.status_code == 303 and retried.location == f"{journey}/action-plan"
    assert client.get(f"{journey}/action-plan").status_code == 200
    assert len(queued(redis_url)) == 1
    run_jobs(redis_url)
    assert client.get(f"{journey}/action-plan.pdf").data.startswith(b"%PDF-")


def test_a_job_that_vanished_from_redis_is_asked_for_again_never_waited_for_forever(client: FlaskClient, redis_url: str) -> None:
    journey = complete(client)
    client.get(f"{journey}/action-plan.pdf")
    redis = Redis.from_url(redis_url)
    (job_id,) = queued(redis_url)
    redis.delete(Job.key_for(job_id))  # evicted, or its wait for a worker ran out

    status = client.get(f"{journey}/action-plan")
    assert status.status_code == 303 and status.location == f"{journey}/action-plan.pdf"
    assert client.get(f"{journey}/action-plan.pdf").status_code == 303
    assert client.get(f"{journey}/action-plan").status_code == 200
    assert redis.exists(Job.key_for(job_id))
    run_jobs(redis_url)
    assert client.get(f"{journey}/action-plan.pdf").status_code == 200


def test_the_job_carries_the_rendered_html_and_not_the_answers_store_and_its_id_reveals_nothing(
    client: FlaskClient, redis_url: str
) -> None:
    journey = complete(client)
    client.get(f"{journey}/action-plan.pdf")
    (job_id,) = queued(redis_url)
    job = Job.fetch(job_id, connection=Redis.from_url(redis_url))
    name, key, html, assets, keep_seconds = job.args
    assert job_id == JOB_PREFIX + name and len(name) == 40
    assert journey.rsplit("/", 1)[1] not in job_id + html  # no response id: the worker needs no database
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert assets == {} and keep_seconds == 3600 and len(key) == 32
    assert job.description == "prepcheck action plan"
    assert job.timeout == 60 and job.result_ttl == 0 and job.failure_ttl == 600 and job.retries_left == 1


def test_the_pdf_in_redis_is_sealed_and_expires(client: FlaskClient, redis_url: str) -> None:
    journey = complete(client)
    client.get(f"{journey}/action-plan.pdf")
    run_jobs(redis_url)
    redis = Redis.from_url(redis_url)
    (key,) = list(redis.scan_iter("prepcheck:pdf:*"))
    assert b"%PDF" not in redis.get(key)
    assert 3500 < redis.ttl(key) <= 3600


def test_the_cache_time_comes_from_the_environment() -> None:
    from prepcheck.config import settings_from_env

    assert settings_from_env({}).pdf_cache_seconds == 3600
    assert settings_from_env({"PREPCHECK_PDF_CACHE_SECONDS": "600"}).pdf_cache_seconds == 600


def test_the_status_page_speaks_the_readers_language(client: FlaskClient) -> None:
    journey = complete(client, prefix="/nl")
    assert journey.startswith("/nl/")
    client.get(f"{journey}/action-plan.pdf")
    waiting = client.get(f"{journey}/action-plan")
    assert waiting.status_code == 200
    assert soup(waiting).find("html")["lang"] == "nl"
    assert h1(waiting) == "Je actieplan wordt gemaakt"


def test_without_redis_the_status_address_leads_straight_to_the_pdf(tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path / "instance", questionnaire_dir=TEST_QUESTIONNAIRES, include_example_tenants=False)
    render_plans_in_process(app)  # render in this process
    client = app.test_client(use_cookies=False)
    journey = complete(client)
    status = client.get(f"{journey}/action-plan")
    assert status.status_code == 303 and status.location == f"{journey}/action-plan.pdf"
    assert client.get(f"{journey}/action-plan.pdf").data.startswith(b"%PDF-")


def test_a_pdf_in_redis_that_does_not_open_is_made_again_rather_than_served_or_looped_on(
    client: FlaskClient, redis_url: str
) -> None:
    journey = complete(client)
    client.get(f"{journey}/action-plan.pdf")
    run_jobs(redis_url)
    redis = Redis.from_url(redis_url)
    (key,) = list(redis.scan_iter("prepcheck:pdf:*"))
    redis.set(key, b"x" * 64)  # damaged, or written by someone without the secret
    response = client.get(f"{journey}/action-plan.pdf")
    assert response.status_code == 303 and response.location == f"{journey}/action-plan"
    assert client.get(f"{journey}/action-plan").status_code == 200
    assert len(queued(redis_url)) == 1

"""Steps the queue tests share: an app in queue mode, a finished check, a worker run, the PDF's text."""

from __future__ import annotations

import functools
import signal
from io import BytesIO
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader
from redis import Redis
from rq import Queue, SimpleWorker

from prepcheck import create_app
from prepcheck.report.plan_queue import QUEUE_NAME
from prepcheck.report.rq_worker import PromptStop, warm_up
from tests.support.page_conventions import CheckedClient
from tests.support.paths import TEST_QUESTIONNAIRES
from tests.support.web_journey import answer, start

ALL_FEATURES_PAGES = [
    {"adults": "2", "pets": "1"},
    {"water_litres": "4", "refresh": "dont_know"},
    {"radio": "none", "channels": ["paper_list", "meeting_place"]},
    {"pet_plan": "no", "note": "Cat flap is broken"},
]


def queue_mode_app(instance: Path, redis_url: str, **overrides: object) -> Flask:
    """An app in queue mode; apps made on the same instance folder act as two processes of one site."""
    application = create_app(
        instance_path=instance,
        questionnaire_dir=TEST_QUESTIONNAIRES,
        redis_url=redis_url,
        rate_limit_pdf="1000 per minute",
        **{"include_example_tenants": False, **overrides},
    )
    application.config["TESTING"] = True
    application.test_client_class = CheckedClient
    return application


def complete(client: FlaskClient, prefix: str = "") -> str:
    """Answer all_features to the end; the journey's base URL (`/<questionnaire>/<response id>`)."""
    url = prefix + start(client, "all_features")
    for answers in ALL_FEATURES_PAGES:
        url = answer(client, url, answers).location
    assert url.endswith("/check-your-answers"), url
    return url.removesuffix("/check-your-answers")


class InThisProcess(PromptStop, SimpleWorker):
    """RQ's worker that runs each job in the calling process, stopping as promptly as `prepcheck worker`."""


@functools.cache
def _warmed_up() -> float:
    """Load WeasyPrint once before any job, as `prepcheck worker` does: never inside a job's time limit."""
    return warm_up()


def run_jobs(redis_url: str) -> bool:
    """Do every queued job in this process (burst); whether any ran."""
    _warmed_up()
    # RQ installs its own SIGINT/SIGTERM handlers for the run; give pytest its own back afterwards.
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        worker = InThisProcess([QUEUE_NAME], connection=Redis.from_url(redis_url))
        return worker.work(burst=True, logging_level="WARNING")
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def queued(redis_url: str) -> list[str]:
    """The ids of the jobs waiting in the plan queue."""
    return Queue(QUEUE_NAME, connection=Redis.from_url(redis_url)).get_job_ids()


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages)

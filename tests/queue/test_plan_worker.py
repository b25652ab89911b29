"""The worker side: `prepcheck worker`, short heartbeats, logs without personal data, assets as bytes."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from redis import Redis
from rq import Queue

import prepcheck.report.jobs
from prepcheck.cli import main
from prepcheck.report.extra_assets import asset_bytes
from prepcheck.report.fetcher import MAX_EXTRA_ASSET_BYTES, BundledAssetFetcher
from prepcheck.report.jobs import seal, unseal
from prepcheck.report.plan_queue import QUEUE_NAME, PlanQueue
from prepcheck.report.rq_worker import HEARTBEAT_GRACE_SECONDS, MONITOR_SECONDS, PlanWorker
from tests.queue.queue_processes import start_worker
from tests.queue.queue_steps import complete, queue_mode_app, run_jobs


def test_the_worker_command_without_redis_says_what_to_set_and_exits_2() -> None:
    result = CliRunner().invoke(main, ["worker"], env={"PREPCHECK_REDIS_URL": ""})
    assert result.exit_code == 2
    assert "PREPCHECK_REDIS_URL is not set" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("url", ["redis://127.0.0.1:1/0", "not-a-redis-url"])
def test_the_worker_command_with_an_unreachable_redis_exits_2_without_a_traceback(url: str) -> None:
    result = CliRunner().invoke(main, ["worker"], env={"PREPCHECK_REDIS_URL": url})
    assert result.exit_code == 2
    assert "does not answer" in result.output
    assert url not in result.output  # a URL may hold a password
    assert "Traceback" not in result.output


def test_a_started_jobs_heartbeat_lapses_seconds_after_its_worker_dies(redis_url: str) -> None:
    redis = Redis.from_url(redis_url)
    worker = PlanWorker([QUEUE_NAME], connection=redis, job_monitoring_interval=MONITOR_SECONDS)
    job = Queue(QUEUE_NAME, connection=redis).create_job(print, timeout=30)
    assert worker.get_heartbeat_ttl(job) == MONITOR_SECONDS + HEARTBEAT_GRACE_SECONDS <= 10
    assert worker.get_heartbeat_ttl(job, working_time=29.5) == 1 + HEARTBEAT_GRACE_SECONDS  # never zero or less
    assert worker.get_heartbeat_ttl(job, working_time=45) == 1 + HEARTBEAT_GRACE_SECONDS


def test_a_worker_stops_within_seconds_even_when_its_command_listener_is_between_subscriptions(redis_url: str) -> None:
    # RQ's listener then waits a minute for a subscription; a burst run on an empty queue, or a restart soon
    # after a start, hit this, and a web request waiting for the plan timed out meanwhile.
    worker = PlanWorker([QUEUE_NAME], connection=Redis.from_url(redis_url))
    worker.subscribe()
    worker.pubsub.unsubscribe()
    time.sleep(0.5)  # the listener reads the confirmation and waits for the next subscription
    stopping = threading.Thread(target=worker.unsubscribe, daemon=True)
    stopping.start()
    stopping.join(timeout=10)
    assert not stopping.is_alive()


@pytest.mark.slow
def test_an_idle_worker_command_stops_at_once_on_the_first_sigterm(tmp_path: Path, redis_url: str) -> None:
    # What systemd and container platforms send on every restart. A second after the worker started listening,
    # RQ's command listener was sometimes between subscriptions and the worker stopped only a minute later (1 run
    # in 4 before PromptStop; test_a_worker_stops_within_seconds_even_when_... above catches that every time).
    worker = start_worker({**os.environ, "PREPCHECK_REDIS_URL": redis_url}, tmp_path / "worker.log")
    try:
        time.sleep(1)
        worker.popen.send_signal(signal.SIGTERM)
        assert worker.popen.wait(timeout=15) == 0, worker.output()[-2000:]
        assert "warm shut down requested" in worker.output()
    finally:
        worker.stop()


def test_the_worker_logs_render_time_and_job_id_and_never_the_plan(
    client: FlaskClient, redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    journey = complete(client)
    client.get(f"{journey}/action-plan.pdf")
    caplog.set_level(logging.DEBUG)
    run_jobs(redis_url)
    (rendered,) = [record for record in caplog.records if record.getMessage() == "plan rendered"]
    fields = rendered.fields  # type: ignore[attr-defined]
    assert fields["render_ms"] > 0 and fields["bytes"] > 10_000 and fields["job"].startswith("prepcheck-pdf-")
    assert "Drinking water" not in caplog.text and "Cat flap" not in caplog.text
    assert journey.rsplit("/", 1)[1] not in caplog.text


def test_a_render_that_runs_out_of_time_is_logged_as_a_warning_with_its_questionnaire_and_no_ids(
    tmp_path: Path, redis_url: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = queue_mode_app(tmp_path / "instance", redis_url, pdf_timeout_seconds=1).test_client(use_cookies=False)
    journey = complete(client)
    client.get(f"{journey}/action-plan.pdf")

    def stuck(*args: object) -> bytes:
        time.sleep(30)  # RQ stops the job after its 1 s limit
        raise AssertionError("not stopped")

    monkeypatch.setattr(prepcheck.report.jobs, "html_to_pdf", stuck)
    caplog.set_level(logging.DEBUG)
    run_jobs(redis_url)  # the job runs out of time, is retried once, and runs out again
    timed_out = [record for record in caplog.records if record.getMessage() == "plan render timed out"]
    assert len(timed_out) == 2 and all(record.levelno == logging.WARNING for record in timed_out)
    fields = timed_out[0].fields  # type: ignore[attr-defined]
    assert fields["questionnaire"] == "all_features" and fields["limit_s"] == 1 and fields["render_ms"] >= 1000
    assert journey.rsplit("/", 1)[1] not in caplog.text and "Cat flap" not in caplog.text


def test_a_sealed_pdf_opens_only_with_its_own_key_and_name() -> None:
    key, other = b"k" * 32, b"o" * 32
    sealed = seal(key, "name", b"%PDF-1.7 plan")
    assert unseal(key, "name", sealed) == b"%PDF-1.7 plan"
    assert unseal(other, "name", sealed) is None
    assert unseal(key, "another", sealed) is None
    assert unseal(key, "name", b"short") is None


def test_plan_names_depend_on_the_server_secret() -> None:
    redis = Redis(host="127.0.0.1", port=1)  # never contacted
    first, second = PlanQueue(redis, b"a" * 32), PlanQueue(redis, b"b" * 32)
    assert first.ticket("same content").name == first.ticket("same content").name
    assert first.ticket("same content").name != second.ticket("same content").name
    assert first.ticket("same content").key != second.ticket("same content").key


def test_the_fetcher_serves_an_extra_asset_given_as_bytes_and_refuses_everything_else() -> None:
    logo = b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    fetcher = BundledAssetFetcher(
        {"tenants/proefdorp/logo.svg": logo, "tenants/big/logo.png": b"x" * (MAX_EXTRA_ASSET_BYTES + 1)}
    )
    response = fetcher.fetch("prepcheck-asset:tenants/proefdorp/logo.svg")
    assert response.read() == logo
    for url in ("prepcheck-asset:tenants/big/logo.png", "prepcheck-asset:tenants/other/logo.svg", "file:///etc/passwd"):
        with pytest.raises(Exception, match="only bundled assets"):
            fetcher.fetch(url)


def test_extra_assets_are_read_into_bytes_for_the_job(tmp_path) -> None:  # type: ignore[no-untyped-def]
    logo = tmp_path / "logo.svg"
    logo.write_bytes(b"<svg/>")
    assert asset_bytes({"tenants/t/logo.svg": logo}) == {"tenants/t/logo.svg": b"<svg/>"}
    assert asset_bytes(None) == {}

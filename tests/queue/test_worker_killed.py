"""A worker killed in the middle of a job: the job is retried, or the user is told it failed; it is never lost."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.queue.queue_browsing import follow_download, heading, household_check
from tests.queue.queue_processes import Process, Site, start_worker

# Not marked `database`: it uses PostgreSQL itself, so the PostgreSQL pass would only repeat it.
pytestmark = pytest.mark.slow

STARTED = "prepcheck-pdf: prepcheck action plan ("
"""RQ's log line when a worker takes a job."""


def take_job_and_die(environment: dict[str, str], log: Path) -> float:
    """Start a worker whose job sleeps; SIGKILL it and its work-horse once it has started the job. When it died."""
    worker = start_worker({**environment, "SLOW_PLAN_SECONDS": "120"}, log, module="slow_plan_worker")
    deadline = time.monotonic() + 30
    while STARTED not in worker.output():
        assert time.monotonic() < deadline, f"the worker did not take the job:\n{worker.output()[-2000:]}"
        time.sleep(0.1)
    time.sleep(0.5)  # let RQ fork the work-horse and record the job as started
    worker.kill()
    return time.monotonic()


def test_a_killed_worker_s_job_is_retried_and_after_a_second_kill_reported_as_failed_with_a_way_to_try_again(
    site: tuple[Site, dict[str, str], list[Process]], tmp_path: Path
) -> None:
    browser, environment, _ = site
    journey = household_check(browser)
    pdf_url = f"{journey}/action-plan.pdf"
    assert browser.request(pdf_url).status == 303

    # First kill: the job has a retry left, so it goes back on the queue and another worker takes it.
    died = take_job_and_die(environment, tmp_path / "worker1.log")
    second = start_worker({**environment, "SLOW_PLAN_SECONDS": "120"}, tmp_path / "worker2.log", module="slow_plan_worker")
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            status = browser.request(f"{journey}/action-plan")
            assert status.status == 200 and heading(status.text) == "Your action plan is being prepared"
            if STARTED in second.output():
                retried_after = time.monotonic() - died
                break  # retried: the second worker took the same job
            time.sleep(2)
        else:
            raise AssertionError("the killed worker's job was not retried within 60 s")
        time.sleep(0.5)
        # Second kill: no retry left, so the user is told, within seconds, that it failed.
        second.kill()
        killed = time.monotonic()
        _, seen = follow_download(browser, f"{journey}/action-plan", seconds=60, stop_on_failure=True)
        noticed_after = time.monotonic() - killed
    finally:
        second.stop()
    assert seen[-1] == "Your action plan could not be made"
    assert set(seen[:-1]) <= {"Your action plan is being prepared"}
    assert retried_after < 25, retried_after
    assert noticed_after < 20, noticed_after

    failed = browser.request(f"{journey}/action-plan")
    assert failed.status == 503 and "Your answers are safe" in failed.text
    assert f'href="{pdf_url}?retry=1"' in failed.text
    assert browser.request(pdf_url).location == f"{journey}/action-plan"  # a plain download does not hide the failure
    assert browser.request(f"{journey}/action-plan").status == 503

    # Try again, with a worker that lives: the plan arrives.
    healthy = start_worker(environment, tmp_path / "worker3.log")
    try:
        pdf, _ = follow_download(browser, f"{pdf_url}?retry=1", seconds=90)
    finally:
        healthy.stop()
    assert pdf is not None and pdf.startswith(b"%PDF-")

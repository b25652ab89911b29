"""The worker pool: renders in other processes, survives a timeout, recycles workers, and the cache skips work."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from prepcheck.engine import Assessment, Questionnaire
from prepcheck.report.cache import PdfCache
from prepcheck.report.service import PlanService
from prepcheck.report.workers import RenderPool, RenderTimeout, _worker_main
from tests.report.report_helpers import CREATED

SMALL = "<!doctype html><html lang='en'><head><title>t</title></head><body><p>hello</p></body></html>"


@pytest.fixture(scope="module")
def pool() -> Iterator[RenderPool]:
    with RenderPool(size=1, timeout=60, renders_per_worker=3) as render_pool:
        yield render_pool


def test_a_render_that_exceeds_the_timeout_fails_and_the_pool_keeps_working(pool: RenderPool) -> None:
    pool.render(SMALL)
    (first_pid,) = pool.worker_pids()
    with pytest.raises(RenderTimeout):
        pool.render(SMALL * 200, timeout=0.01)
    (replacement_pid,) = pool.worker_pids()
    assert replacement_pid != first_pid
    assert pool.render(SMALL).startswith(b"%PDF-")


def test_a_new_workers_start_up_does_not_count_against_the_render_limit() -> None:
    # Starting a worker (a new interpreter, WeasyPrint, fonts) takes well over 0.5 s; rendering SMALL does not.
    with RenderPool(size=1, timeout=0.5) as fresh:
        assert fresh.render(SMALL).startswith(b"%PDF-")


def test_workers_are_recycled_after_a_number_of_renders(pool: RenderPool) -> None:
    pool.render(SMALL)
    (before,) = pool.worker_pids()
    for _ in range(pool.renders_per_worker):
        pool.render(SMALL)
    (after,) = pool.worker_pids()
    assert after != before


def test_the_service_renders_through_the_pool_and_caches_the_result(
    pool: RenderPool, household: tuple[Questionnaire, Assessment]
) -> None:
    questionnaire, assessment = household
    renders: list[int] = []
    original_render = pool.render

    def counting_render(*args: Any, **kwargs: Any) -> bytes:
        renders.append(1)
        return original_render(*args, **kwargs)

    service = PlanService(pool=pool, cache=PdfCache())
    service.pool.render = counting_render  # type: ignore[method-assign, union-attr]
    try:
        request = service.request_for(questionnaire, assessment, "en", created=CREATED)
        first = service.pdf(questionnaire, request)
        second = service.pdf(questionnaire, request)
    finally:
        del service.pool.render  # type: ignore[union-attr]
    assert first.startswith(b"%PDF-")
    assert second is first
    assert len(renders) == 1


def test_a_different_language_is_a_different_cached_pdf(household: tuple[Questionnaire, Assessment]) -> None:
    questionnaire, assessment = household
    service = PlanService(cache=PdfCache())
    service.pdf(questionnaire, service.request_for(questionnaire, assessment, "en", created=CREATED))
    service.pdf(questionnaire, service.request_for(questionnaire, assessment, "nl", created=CREATED))
    assert len(service.cache) == 2


def test_a_worker_whose_web_process_is_gone_stops_without_a_traceback() -> None:
    # The web process ends without reading the worker's "ready": the worker's next read is a reset, not an end of file.
    web_end, worker_end = multiprocessing.Pipe()
    outcome: list[str] = []

    def work() -> None:
        try:
            _worker_main(worker_end)
            outcome.append("stopped")
        except Exception as error:
            outcome.append(repr(error))

    worker = threading.Thread(target=work)
    worker.start()
    assert web_end.poll(120)
    web_end.close()
    worker.join(30)
    assert outcome == ["stopped"]

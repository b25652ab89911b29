"""The two plan renderers, in this process (a render pool) or through RQ workers, and the choice between them."""

from __future__ import annotations

import hashlib
import logging
import time

from redis import Redis
from redis.exceptions import RedisError

from prepcheck.config import Settings
from prepcheck.report.cache import cache_key
from prepcheck.report.extra_assets import asset_bytes
from prepcheck.report.html import render_report_html
from prepcheck.report.plan_queue import PlanQueue, PlanTicket
from prepcheck.report.render_runs import RenderRuns
from prepcheck.report.renderer import PlanOrder, PlanRenderer, PlanState, PlanUnavailable
from prepcheck.report.service import PlanService
from prepcheck.report.workers import RenderError, RenderPool, RenderTimeout

DOWNLOAD_WAIT_SECONDS = 2.0
"""How long a download waits for a plan made in this process before it sends the reader to the status page."""

logger = logging.getLogger("prepcheck.report.renders")


class InProcessPlans:
    """Default mode: plans are made in this process's render pool, in the background, each once however many ask.

    A download waits a moment (`wait_seconds`) for its plan and otherwise leaves it rendering, so that no web
    thread is held for a whole render. Renders are per process (see render_runs).
    """

    def __init__(self, service: PlanService, *, wait_seconds: float = DOWNLOAD_WAIT_SECONDS) -> None:
        self.service = service
        self.wait_seconds = wait_seconds
        self.runs = RenderRuns(threads=service.pool.size if service.pool is not None else 1)

    def pdf(self, order: PlanOrder, *, retry: bool = False) -> bytes | None:
        return self._fetch(order, self.wait_seconds, retry=retry)

    def wait(self, order: PlanOrder, seconds: float) -> bytes | None:
        return self._fetch(order, seconds, retry=True)

    def state(self, order: PlanOrder) -> PlanState:
        key = cache_key(order.request)
        if self.service.cache.get(key) is not None:
            return PlanState.READY
        run = self.runs.get(key)
        if run is None:
            return PlanState.MISSING
        if not run.done():
            return PlanState.PENDING
        return PlanState.FAILED if run.exception() is not None else PlanState.READY

    def readiness(self) -> dict[str, str]:
        return {}

    def _fetch(self, order: PlanOrder, seconds: float, *, retry: bool) -> bytes | None:
        """The PDF when it is ready within `seconds` (its render goes on after that); a failure is told once."""
        key = cache_key(order.request)
        cached = self.service.cache.get(key)
        if cached is not None:
            return cached
        failed = self.runs.get(key)
        if failed is not None and failed.done() and failed.exception() is not None and not retry:
            self.runs.forget(key, failed)
            raise PlanUnavailable("the plan could not be made")
        run = self.runs.start(key, lambda: self._make(order))
        try:
            return run.result(timeout=seconds)
        except TimeoutError:
            return None
        except RenderError as error:
            self.runs.forget(key, run)
            raise PlanUnavailable(str(error)) from error

    def _make(self, order: PlanOrder) -> bytes:
        """Render one plan (into the cache); a failure is logged by its kind, never with the plan's text."""
        started = time.perf_counter()
        try:
            return self.service.pdf(order.questionnaire, order.request, order.assets)
        except Exception as error:
            fields = {
                "questionnaire": order.questionnaire.id,
                "render_ms": round((time.perf_counter() - started) * 1000, 1),
            }
            if isinstance(error, RenderTimeout) and self.service.pool is not None:
                logger.warning("plan render timed out", extra={"fields": {**fields, "limit_s": self.service.pool.timeout}})
            else:
                logger.warning("plan render failed", extra={"fields": {**fields, "error": type(error).__name__}})
            if isinstance(error, RenderError):
                raise
            # As in queue mode, neither the message nor the traceback is kept: either could quote the plan's text.
            raise RenderError(f"the PDF could not be made ({type(error).__name__})") from None


class QueuedPlans:
    """Queue mode: RQ workers make the plans; any web process can tell how one stands and serve it from Redis."""

    def __init__(self, queue: PlanQueue) -> None:
        self.queue = queue

    def _ticket(self, order: PlanOrder) -> PlanTicket:
        return self.queue.ticket(cache_key(order.request))

    @staticmethod
    def _payload(order: PlanOrder) -> tuple[str, dict[str, bytes]]:
        return render_report_html(order.request, order.questionnaire), asset_bytes(order.assets)

    def pdf(self, order: PlanOrder, *, retry: bool = False) -> bytes | None:
        ticket = self._ticket(order)
        try:
            pdf = self.queue.pdf(ticket)
            if pdf is None:
                self.queue.request(ticket, lambda: self._payload(order), retry=retry, label=order.questionnaire.id)
        except RedisError as error:
            raise PlanUnavailable("Redis does not answer") from error
        return pdf

    def wait(self, order: PlanOrder, seconds: float) -> bytes | None:
        try:
            return self.queue.wait(self._ticket(order), lambda: self._payload(order), seconds, label=order.questionnaire.id)
        except RedisError as error:
            raise PlanUnavailable("Redis does not answer") from error

    def state(self, order: PlanOrder) -> PlanState:
        try:
            return self.queue.state(self._ticket(order))
        except RedisError as error:
            raise PlanUnavailable("Redis does not answer") from error

    def readiness(self) -> dict[str, str]:
        try:
            self.queue.redis.ping()
        except RedisError:
            return {"redis": "unreachable"}
        return {"redis": "ok"}


def plan_renderer(settings: Settings, secret_key: str) -> PlanRenderer:
    """Queue mode when PREPCHECK_REDIS_URL is set, else embedded; nothing connects or starts until the first plan."""
    if settings.redis_url:
        pepper = hashlib.sha256(b"prepcheck.plan_queue\x00" + secret_key.encode()).digest()
        redis = Redis.from_url(settings.redis_url, socket_timeout=5, socket_connect_timeout=5)
        queue = PlanQueue(redis, pepper, keep_seconds=settings.pdf_cache_seconds, timeout_seconds=settings.pdf_timeout_seconds)
        return QueuedPlans(queue)
    return InProcessPlans(PlanService(pool=RenderPool(size=settings.pdf_workers, timeout=settings.pdf_timeout_seconds)))

"""The two plan renderers, in this process (a render pool) or through RQ workers, and the choice between them."""

from __future__ import annotations

import hashlib

from redis import Redis
from redis.exceptions import RedisError

from prepcheck.config import Settings
from prepcheck.report.cache import cache_key
from prepcheck.report.extra_assets import asset_bytes
from prepcheck.report.html import render_report_html
from prepcheck.report.plan_queue import PlanQueue, PlanTicket
from prepcheck.report.renderer import PlanOrder, PlanRenderer, PlanState, PlanUnavailable
from prepcheck.report.service import PlanService
from prepcheck.report.workers import RenderError, RenderPool


class InProcessPlans:
    """Embedded mode: each plan is made during the request that asks for it, in this process's render pool."""

    def __init__(self, service: PlanService) -> None:
        self.service = service

    def pdf(self, order: PlanOrder, *, retry: bool = False) -> bytes:
        try:
            return self.service.pdf(order.questionnaire, order.request, order.assets)
        except RenderError as error:
            raise PlanUnavailable(str(error)) from error

    def wait(self, order: PlanOrder, seconds: float) -> bytes:
        return self.pdf(order)  # the pool's own time limit applies

    def state(self, order: PlanOrder) -> PlanState:
        return PlanState.MISSING

    def readiness(self) -> dict[str, str]:
        return {}


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
                self.queue.request(ticket, lambda: self._payload(order), retry=retry)
        except RedisError as error:
            raise PlanUnavailable("Redis does not answer") from error
        return pdf

    def wait(self, order: PlanOrder, seconds: float) -> bytes | None:
        try:
            return self.queue.wait(self._ticket(order), lambda: self._payload(order), seconds)
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

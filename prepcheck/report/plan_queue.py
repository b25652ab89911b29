"""Action plans rendered by RQ workers: enqueue one job per plan, tell its state, and read the finished PDF.

Every web process may answer any request, so nothing here is kept in memory between requests: the state of a plan
is the sealed PDF in Redis, else its RQ job, whose id is derived from the plan's cache key. Concurrent requests on
any process therefore share one job.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass

from redis import Redis
from rq import Queue, Retry
from rq.exceptions import InvalidJobOperation, NoSuchJobError
from rq.executions import ExecutionRegistry
from rq.job import Job, JobStatus
from rq.registry import FailedJobRegistry, FinishedJobRegistry, StartedJobRegistry
from rq.results import Result

from prepcheck.report.jobs import pdf_key, render_plan, unseal
from prepcheck.report.renderer import PlanState

QUEUE_NAME = "prepcheck-pdf"
JOB_PREFIX = "prepcheck-pdf-"
QUEUED_SECONDS = 600
"""How long a job may wait for a worker before it is dropped (and made again on the next request)."""
FAILED_SECONDS = 600
"""How long a failed job is remembered, so the status page can say so and offer to try again."""
LOCK_SECONDS = 30

Payload = Callable[[], tuple[str, dict[str, bytes]]]
"""Makes the report HTML and its extra assets; called only when a job must be enqueued."""


_PENDING = frozenset(
    {
        JobStatus.CREATED,
        JobStatus.QUEUED,
        JobStatus.STARTED,
        JobStatus.DEFERRED,
        JobStatus.SCHEDULED,
        JobStatus.RATE_LIMITED,
        JobStatus.READY_TO_ENQUEUE,
    }
)
_FAILED = frozenset({JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED})


@dataclass(frozen=True, slots=True)
class PlanTicket:
    """One plan's name in Redis and the key its PDF is sealed under, both derived from the cache key."""

    name: str
    key: bytes

    @property
    def job_id(self) -> str:
        return JOB_PREFIX + self.name


class PlanQueue:
    """The web side of queue mode: asks workers for plans and reads their results, all through Redis."""

    def __init__(
        self,
        redis: Redis,
        pepper: bytes,
        *,
        queue_name: str = QUEUE_NAME,
        keep_seconds: int = 3600,
        timeout_seconds: float = 30.0,
    ) -> None:
        self.redis = redis
        self.pepper = pepper
        self.queue = Queue(queue_name, connection=redis)
        self.keep_seconds = keep_seconds
        self.timeout_seconds = timeout_seconds

    def ticket(self, cache_key: str) -> PlanTicket:
        """The plan's name and sealing key: keyed by the server secret, so Redis alone cannot confirm a guess."""
        key = hmac.new(self.pepper, b"prepcheck.pdf\x00" + cache_key.encode(), hashlib.sha256).digest()
        return PlanTicket(name=hashlib.sha256(key).hexdigest()[:40], key=key)

    def pdf(self, ticket: PlanTicket) -> bytes | None:
        """The finished PDF, or None; an entry that does not open is dropped, so that it is made again."""
        sealed = self.redis.get(pdf_key(ticket.name))
        if not isinstance(sealed, bytes):
            return None
        pdf = unseal(ticket.key, ticket.name, sealed)
        if pdf is None:
            self.redis.delete(pdf_key(ticket.name))
        return pdf

    def state(self, ticket: PlanTicket) -> PlanState:
        """Where the plan stands; a job whose worker died is first retried or failed, never left 'started'."""
        if self.redis.exists(pdf_key(ticket.name)):
            return PlanState.READY
        # Normally a worker does this every few minutes; here it is one range query, and it notices at once a
        # job whose worker was killed (its heartbeat lapsed), even when no worker is left to do it.
        StartedJobRegistry(queue=self.queue).cleanup()
        try:
            status = Job(ticket.job_id, connection=self.redis).get_status()
        except (InvalidJobOperation, NoSuchJobError, ValueError):
            return PlanState.MISSING
        if status in _PENDING:
            return PlanState.PENDING
        if status in _FAILED:
            return PlanState.FAILED
        return PlanState.MISSING  # finished, but its PDF has expired or was evicted

    def request(self, ticket: PlanTicket, payload: Payload, *, retry: bool = False, label: str = "") -> PlanState:
        """Make sure a job exists for the plan (a failed one is replaced only on `retry`); the state after that.

        `label` (the questionnaire's id) goes with the job, so that the worker's log can say which kind of plan.
        """
        state = self.state(ticket)
        if state in (PlanState.READY, PlanState.PENDING) or (state is PlanState.FAILED and not retry):
            return state
        lock = self.redis.lock(f"prepcheck:pdf-lock:{ticket.name}", timeout=LOCK_SECONDS, blocking=False)
        if not lock.acquire():
            return PlanState.PENDING  # another request is enqueueing this very plan
        try:
            state = self.state(ticket)  # again, now that no one else can enqueue it
            if state in (PlanState.READY, PlanState.PENDING) or (state is PlanState.FAILED and not retry):
                return state
            html, assets = payload()
            self._enqueue(ticket, html, assets, label)
            return PlanState.PENDING
        finally:
            lock.release()

    def wait(
        self, ticket: PlanTicket, payload: Payload, seconds: float, *, poll_seconds: float = 0.1, label: str = ""
    ) -> bytes | None:
        """Ask for the plan (replacing a failed job) and wait for it: the PDF, or None when it failed or took too long.

        For callers that must answer with the PDF itself (the JSON API); a plan that is late stays queued, so
        asking again later finds it ready.
        """
        deadline = time.monotonic() + seconds
        state = self.request(ticket, payload, retry=True, label=label)
        while state is not PlanState.FAILED:
            pdf = self.pdf(ticket)
            if pdf is not None:
                return pdf
            if time.monotonic() >= deadline:
                return None
            time.sleep(poll_seconds)
            state = self.state(ticket)
            if state is PlanState.MISSING:
                state = self.request(ticket, payload, label=label)
        return None

    def _discard(self, job_id: str) -> None:
        """Remove an earlier job of this id (failed, or finished) and its registry entries."""
        # Done by hand: RQ's Job.delete() raises for a job whose worker was killed, because the record of that
        # run has expired before the job's own entry.
        with self.redis.pipeline() as pipeline:
            self.queue.remove(job_id, pipeline=pipeline)
            FailedJobRegistry(queue=self.queue).remove(job_id, pipeline=pipeline)
            FinishedJobRegistry(queue=self.queue).remove(job_id, pipeline=pipeline)
            results = Result.get_key(job_id)  # type: ignore[no-untyped-call]
            pipeline.delete(Job.key_for(job_id), ExecutionRegistry(job_id, connection=self.redis).key, results)
            pipeline.execute()

    def _enqueue(self, ticket: PlanTicket, html: str, assets: dict[str, bytes], label: str) -> None:
        self._discard(ticket.job_id)
        self.queue.enqueue_call(
            render_plan,
            args=(ticket.name, ticket.key, html, assets, self.keep_seconds),
            job_id=ticket.job_id,
            description="prepcheck action plan",  # not RQ's default, which would quote the arguments
            timeout=max(1, round(self.timeout_seconds)),
            ttl=QUEUED_SECONDS,
            result_ttl=0,
            failure_ttl=FAILED_SECONDS,
            retry=Retry(max=1),
            meta={"questionnaire": label},
        )

"""The RQ worker behind `prepcheck worker`: warmed up once, with heartbeats that lapse seconds after it dies."""

from __future__ import annotations

import logging
import time

from redis import Redis
from redis.exceptions import RedisError
from rq import Worker
from rq.job import Job
from rq.worker.base import BaseWorker

from prepcheck.logs import JsonLines
from prepcheck.report.plan_queue import QUEUE_NAME

MONITOR_SECONDS = 2
"""How often the worker checks on the process rendering a job, and renews the job's heartbeat."""
HEARTBEAT_GRACE_SECONDS = 6
"""How long past a missed heartbeat a job still counts as started; after that it is retried or failed."""

PUBSUB_POLL_SECONDS = 1
"""How long the worker's command listener waits for a message at a time, and so at most how long it takes to stop."""

logger = logging.getLogger("prepcheck.report.worker")


class WorkerUnavailable(RuntimeError):
    """Redis cannot be reached; the message is meant for the operator."""


class PromptStop(BaseWorker):
    """A worker whose command listener stops within a second: RQ's waits up to a minute for a message.

    When a worker stops soon after it started (a burst run on an empty queue, a restart), the listener may be
    waiting for its subscription to be confirmed; stopping then joins it for that whole wait.
    """

    def subscribe(self) -> None:
        self.pubsub = self.connection.pubsub()
        self.pubsub.subscribe(**{self.pubsub_channel_name: self.handle_payload})
        # RQ annotates the attribute as None although its own subscribe() stores the thread there too.
        self.pubsub_thread = self.pubsub.run_in_thread(  # type: ignore[assignment]
            sleep_time=PUBSUB_POLL_SECONDS, daemon=True, exception_handler=self._pubsub_exception_handler
        )


class PlanWorker(PromptStop, Worker):
    """RQ's forking worker (one work-horse process per job), with short job heartbeats, that stops promptly."""

    def get_heartbeat_ttl(self, job: Job, working_time: float = 0.0) -> int:
        # RQ adds a whole minute to each heartbeat, so a job whose worker was killed would look 'started' for a
        # minute. The worker renews the heartbeat every MONITOR_SECONDS; a few seconds of slack is plenty.
        interval = float(self.job_monitoring_interval)
        if job.timeout and job.timeout > 0:
            interval = max(1.0, min(job.timeout - working_time, interval))
        return int(interval) + HEARTBEAT_GRACE_SECONDS


def warm_up() -> float:
    """Build WeasyPrint's stylesheet and fonts in this process, before RQ forks a work-horse per job; ms taken."""
    from prepcheck.report.pdf import html_to_pdf

    started = time.perf_counter()
    html_to_pdf("<!doctype html><html lang='en'><title>warm-up</title><p>warm-up</p></html>")
    return round((time.perf_counter() - started) * 1000, 1)


def _log_as_json_lines() -> None:
    """RQ's own lines as JSON too; they carry job ids (keyed hashes) and never the job's arguments."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines())
    for name in ("rq", "prepcheck"):
        named = logging.getLogger(name)
        named.handlers[:] = [handler]
        named.setLevel(logging.INFO)
        named.propagate = False


def connect(redis_url: str) -> Redis:
    """A Redis connection that answers, or WorkerUnavailable."""
    try:
        redis = Redis.from_url(redis_url)
        redis.ping()
    except (RedisError, ValueError) as error:
        raise WorkerUnavailable(f"Redis at PREPCHECK_REDIS_URL does not answer ({type(error).__name__})") from None
    return redis


def run_worker(redis_url: str, *, burst: bool = False, queue_name: str = QUEUE_NAME) -> bool:
    """Render plans from the queue until stopped (or, with `burst`, until it is empty); whether any job ran."""
    redis = connect(redis_url)
    _log_as_json_lines()
    logger.info("worker warmed up", extra={"fields": {"warm_up_ms": warm_up(), "queue": queue_name}})
    worker = PlanWorker([queue_name], connection=redis, job_monitoring_interval=MONITOR_SECONDS)
    return worker.work(burst=burst, logging_level="INFO")

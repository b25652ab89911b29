"""The plans being made in this process: one background render per plan, joined by every request that asks for it.

Nothing here is shared between processes: with several web processes (gunicorn workers) a request that lands on
another process starts or joins that process's own render of the plan. PREPCHECK_REDIS_URL (queue mode) is the
way to share one render between processes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from prepcheck.report.renderer import PlanUnavailable

MAX_PENDING = 64
"""Renders that may wait or run at once in one process; past that a download is told to try again later."""
MAX_FAILED = 256
"""Failed renders remembered (so the status page can say so), the oldest forgotten first."""


class RenderRuns:
    """Background renders by plan (its cache key), on as many threads as the render pool has workers.

    A finished render is forgotten at once (its PDF is in the plan cache); a failed one is kept until it is
    replaced, forgotten, or pushed out by newer failures.
    """

    def __init__(self, threads: int, *, max_pending: int = MAX_PENDING, max_failed: int = MAX_FAILED) -> None:
        self.max_pending = max_pending
        self.max_failed = max_failed
        self._executor = ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="prepcheck-plan")
        self._runs: OrderedDict[str, Future[bytes]] = OrderedDict()
        self._lock = threading.RLock()  # a run that is already done calls _finished at once, in this thread

    def get(self, key: str) -> Future[bytes] | None:
        """The run of this plan under way or failed, if any."""
        with self._lock:
            return self._runs.get(key)

    def start(self, key: str, make: Callable[[], bytes]) -> Future[bytes]:
        """The run of this plan: the one under way (joined), else a new one (replacing a failed one)."""
        with self._lock:
            run = self._runs.get(key)
            if run is not None and not run.done():
                return run
            if self.pending() >= self.max_pending:
                raise PlanUnavailable("too many plans are being made in this process")
            try:
                run = self._executor.submit(make)
            except RuntimeError as error:  # the process is shutting down
                raise PlanUnavailable("the PDF service has stopped") from error
            self._runs[key] = run
            self._runs.move_to_end(key)
            run.add_done_callback(lambda done: self._finished(key, done))
            return run

    def forget(self, key: str, run: Future[bytes]) -> None:
        """Forget a failed run once it has been reported, so that the next request makes the plan again."""
        with self._lock:
            if self._runs.get(key) is run:
                del self._runs[key]

    def pending(self) -> int:
        """How many renders wait or run now."""
        with self._lock:
            return sum(1 for run in self._runs.values() if not run.done())

    def _finished(self, key: str, run: Future[bytes]) -> None:
        with self._lock:
            if self._runs.get(key) is not run:
                return
            if run.cancelled() or run.exception() is None:
                del self._runs[key]
                return
            failed = [name for name, other in self._runs.items() if other.done()]
            for name in failed[: max(0, len(failed) - self.max_failed)]:
                del self._runs[name]

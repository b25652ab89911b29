"""Expired responses are purged by `prepcheck purge` and, at most once an hour, by the app itself."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from flask import Flask

from prepcheck.store.responses import ResponseStore

PURGE_INTERVAL_SECONDS = 3600
_logger = logging.getLogger("prepcheck.retention")


class OpportunisticPurge:
    """Runs the store's expiry on a request when the last run in this process is older than the interval."""

    def __init__(self, store: Callable[[], ResponseStore], interval: float = PURGE_INTERVAL_SECONDS) -> None:
        self.store = store
        self.interval = interval
        self._last: float | None = None
        self._lock = threading.Lock()

    def __call__(self) -> None:
        now = time.monotonic()
        if (self._last is not None and now - self._last < self.interval) or not self._lock.acquire(blocking=False):
            return
        try:
            self._last = now
            wiped = self.store().expire()
            if wiped:
                _logger.info("purged expired responses", extra={"fields": {"count": wiped}})
        finally:
            self._lock.release()


def install(app: Flask, store: Callable[[], ResponseStore]) -> None:
    """Purge expired responses now and then while serving, so a forgotten cron job loses nothing."""
    app.before_request(OpportunisticPurge(store))

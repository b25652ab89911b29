"""A Redis database of its own for each queue test: claimed while in use, emptied of what the test made."""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from redis import Redis

HOST, PORT = "127.0.0.1", 6379
DATABASES = range(1, 14)
"""0 is the default of a local set-up, 14 and 15 are used by other tests; these are tried in turn."""
MARKER = "prepcheck-queue-tests"
"""Kept in a database these tests have used, so a leftover of a crashed run does not make it look foreign."""
CLAIM = "prepcheck-queue-tests:claim"
OUR_PATTERNS = ("rq:*", "prepcheck:*", "LIMITS*", "LIMITER*")


def redis_reachable() -> str | None:
    """None when Redis answers at 127.0.0.1:6379, else why not."""
    try:
        with socket.create_connection((HOST, PORT), timeout=1):
            return None
    except OSError as error:
        return f"no Redis server at {HOST}:{PORT} ({error.strerror or error})"


def require_redis() -> None:
    """Skip with the reason locally; under CI=true a missing Redis is a failure."""
    reason = redis_reachable()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@contextmanager
def claimed_database() -> Iterator[str]:
    """The URL of an empty (or earlier ours) Redis database, held for this test; cleaned afterwards."""
    require_redis()
    token = secrets.token_hex(8)
    for number in DATABASES:
        redis = Redis(host=HOST, port=PORT, db=number)
        if not redis.set(CLAIM, token, nx=True, ex=900):
            continue
        if redis.exists(MARKER) or redis.dbsize() == 1:
            redis.set(MARKER, "1")
            try:
                yield f"redis://{HOST}:{PORT}/{number}"
            finally:
                _empty(redis)
            return
        redis.delete(CLAIM)  # someone else's data: leave it alone
    pytest.fail("no free Redis database between 1 and 13 for the queue tests")


def _empty(redis: Redis) -> None:
    """Delete the keys these tests and their processes made, then the claim (and the marker, once nothing is left)."""
    for pattern in OUR_PATTERNS:
        keys = list(redis.scan_iter(match=pattern, count=500))
        if keys:
            redis.delete(*keys)
    if redis.dbsize() <= 2:  # only the marker and the claim
        redis.delete(MARKER)
    redis.delete(CLAIM)

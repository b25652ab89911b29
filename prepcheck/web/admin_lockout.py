"""Wrong admin tokens: each client address has its own lock, and a municipality a higher one for all addresses together.

One address trying tokens locks out only itself (an IPv6 client with its whole /64), so the municipality's own
administrator, elsewhere, still gets in. Only many addresses together lock the page for everyone: a backstop
against a spread-out attack. Each lock-out is logged once, as a security warning naming the municipality and the
lock, never the address or the token. The counts live in Flask-Limiter's storage (memory, or Redis shared by all
processes); while Redis does not answer, in this process's memory.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from collections.abc import Iterator

from flask import current_app, request
from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter, RateLimiter

from prepcheck.web.limits import limiter as shared_limiter

EXTENSION = "prepcheck.admin_lockout"
ONE_CLIENT = "one client"
ALL_CLIENTS = "all clients"

logger = logging.getLogger("prepcheck.security")


def client_key() -> str:
    """The client, as the limits count it: its address, or its /64 network for IPv6."""
    address = request.remote_addr or "unknown"
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


class AdminLockout:
    """Counts wrong admin tokens per client and per municipality; says whether, and how long, one is locked out."""

    def __init__(self, per_client: str, per_municipality: str) -> None:
        self.limits = {ONE_CLIENT: tuple(parse_many(per_client)), ALL_CLIENTS: tuple(parse_many(per_municipality))}
        self._local = MovingWindowRateLimiter(MemoryStorage())

    def _counters(self, slug: str, client: str) -> Iterator[tuple[str, RateLimitItem, tuple[str, ...]]]:
        for item in self.limits[ONE_CLIENT]:
            yield ONE_CLIENT, item, ("prepcheck-admin-client", client)
        for item in self.limits[ALL_CLIENTS]:
            yield ALL_CLIENTS, item, ("prepcheck-admin-tenant", slug)

    def _limiter(self) -> RateLimiter:
        """The shared counts, or this process's own while their storage does not answer (so the page stays open)."""
        shared = shared_limiter().limiter
        try:
            if shared.storage.check():
                return shared
        except Exception:  # noqa: S110 - whatever the storage raises, it does not answer
            pass
        return self._local

    def retry_after(self, slug: str, client: str) -> int | None:
        """Seconds until this client may try a token again; None when no lock holds."""
        limiter = self._limiter()
        waits = [
            limiter.get_window_stats(item, *keys).reset_time - time.time()
            for _, item, keys in self._counters(slug, client)
            if not limiter.test(item, *keys)
        ]
        return max(1, math.ceil(max(waits))) if waits else None

    def failed(self, slug: str, client: str) -> None:
        """Count one wrong token; the attempt that fills a lock logs it."""
        limiter = self._limiter()
        for lock, item, keys in self._counters(slug, client):
            if limiter.hit(item, *keys) and not limiter.test(item, *keys):
                minutes = round(item.get_expiry() / 60)
                logger.warning("admin sign-in locked", extra={"fields": {"tenant": slug, "lock": lock, "minutes": minutes}})


def lockout() -> AdminLockout:
    """The app's lock-out, made from its settings on first use."""
    existing: AdminLockout | None = current_app.extensions.get(EXTENSION)
    if existing is None:
        settings = current_app.config["PREPCHECK_SETTINGS"]
        existing = current_app.extensions[EXTENSION] = AdminLockout(settings.rate_limit_admin, settings.rate_limit_admin_tenant)
    return existing

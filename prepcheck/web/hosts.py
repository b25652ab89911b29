"""Answer only to the site's own host names, so that no link, redirect or embed snippet is built on a forged Host."""

from __future__ import annotations

from flask import Flask, request
from werkzeug.sansio.utils import host_is_trusted

from prepcheck.config import trusted_hosts
from prepcheck.web.errors import unknown_host

HEALTH_CHECKS = frozenset({"landing.health", "landing.ready"})
"""Load balancers probe these with whatever Host they like (often an internal address); they build no links."""


def install(app: Flask) -> None:
    """Refuse requests for other host names with 400, before any other hook reads the host (PREPCHECK_ALLOWED_HOSTS)."""
    hosts = trusted_hosts(app.config["PREPCHECK_SETTINGS"])
    if not hosts:
        return

    def check_host() -> None:
        if request.endpoint not in HEALTH_CHECKS and not host_is_trusted(request.host, hosts):
            raise unknown_host()

    app.before_request_funcs.setdefault(None, []).insert(0, check_host)

"""Rate limits (Flask-Limiter) on resume-code lookups and PDF downloads (admin log-ins: see admin_lockout).

Counted per client address, in memory by default or in Redis when PREPCHECK_REDIS_URL is set (shared by all
workers). The address is only a counter key: Flask-Limiter's own log lines (which name it) are kept quiet.
A request over a limit gets the 429 page (or problem+json under /api) with a Retry-After header.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, cast

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

EXTENSION = "prepcheck.limiter"

# endpoint → the setting with its limit
LIMITED_ENDPOINTS = {
    "resume.resume": "rate_limit_resume",
    "plan_pdf.download": "rate_limit_pdf",
    "api.create_assessment_pdf": "rate_limit_pdf",
}


def limiter() -> Limiter:
    return current_app.extensions[EXTENSION]  # type: ignore[no-any-return]


def install(app: Flask) -> None:
    """One limiter per app, then wrap the limited views (after every blueprint is registered)."""
    settings = app.config["PREPCHECK_SETTINGS"]
    # The limiter's info lines carry the client address; never let them reach a log.
    logging.getLogger("flask-limiter").setLevel(logging.WARNING)
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    extension = Limiter(
        get_remote_address,
        app=app,
        storage_uri=settings.redis_url or "memory://",
        key_prefix="prepcheck",
        strategy="moving-window",
        # Redis going away must not take the site down with it: count in this process's memory until it is back.
        swallow_errors=True,
        in_memory_fallback_enabled=bool(settings.redis_url),
    )
    app.extensions[EXTENSION] = extension
    for endpoint, setting in LIMITED_ENDPOINTS.items():
        view = app.view_functions.get(endpoint)
        if view is None:
            continue
        limited = extension.limit(getattr(settings, setting))(view)
        app.view_functions[endpoint] = cast("Callable[..., Any]", limited)

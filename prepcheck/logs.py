"""Structured logs: one JSON line per event with a request id; never an IP address, id, code or answer."""

from __future__ import annotations

import json
import logging
import secrets
import time
from datetime import UTC, datetime
from typing import Any

from flask import Flask, Response, g, request

REQUEST_ID_HEADER = "X-Request-Id"


class JsonLines(logging.Formatter):
    """Formats a record as one JSON object; extra fields come from `record.fields`."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["error"] = record.exc_info[0].__name__ if record.exc_info[0] else "unknown"
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(level: int = logging.INFO) -> None:
    """Send the app's and the servers' logs to standard error as JSON lines."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines())
    for name in ("prepcheck", "waitress", "gunicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False


def _start_request() -> None:
    g.request_started = time.perf_counter()
    g.request_id = secrets.token_hex(8)


def _log_request(response: Response) -> Response:
    # The route's name, not its path: paths hold response ids, and query strings may hold codes.
    duration = (time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000
    request_id = g.get("request_id", "-")
    response.headers[REQUEST_ID_HEADER] = request_id
    logging.getLogger("prepcheck.requests").info(
        "request",
        extra={
            "fields": {
                "request_id": request_id,
                "method": request.method,
                "endpoint": request.endpoint or "unmatched",
                "status": response.status_code,
                "duration_ms": round(duration, 1),
            }
        },
    )
    return response


def install(app: Flask) -> None:
    """Give every request an id and log it as one line when it ends."""
    # First of all hooks, so that a request another hook ends early (an unknown tenant, say) still has its id.
    app.before_request_funcs.setdefault(None, []).insert(0, _start_request)
    app.after_request(_log_request)

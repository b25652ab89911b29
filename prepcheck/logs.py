"""Structured logs: one JSON line per event with a request id; never an IP address, id, code or answer."""

from __future__ import annotations

import json
import logging
import secrets
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from flask import Flask, Response, g, has_request_context, request

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


_PACKAGE = Path(__file__).resolve().parent


def _where(error: BaseException) -> str:
    """The innermost line of prepcheck's own code the error passed through, as 'prepcheck/web/x.py:12'."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        path = Path(frame.filename)
        if path.is_relative_to(_PACKAGE):
            return f"{path.relative_to(_PACKAGE.parent)}:{frame.lineno}"
    return "outside prepcheck"


def log_unhandled(logger: logging.Logger, error: BaseException) -> None:
    """One line for an error no handler answered: the route's name, the error's type and where in the code.

    Never the path (it holds response ids), the error's message or its traceback (they may quote ids or answers).
    """
    fields: dict[str, Any] = {"error": type(error).__name__, "at": _where(error)}
    if has_request_context():
        fields.update(request_id=g.get("request_id", "-"), method=request.method, endpoint=request.endpoint or "unmatched")
    logger.error("unhandled error", extra={"fields": fields})


class RouteLoggingFlask(Flask):
    """Flask, whose line for an unhandled error names the route instead of the path ("Exception on /<path>")."""

    def log_exception(self, exc_info: tuple[type, BaseException, TracebackType] | tuple[None, None, None]) -> None:
        if exc_info[1] is not None:
            log_unhandled(self.logger, exc_info[1])


def install(app: Flask) -> None:
    """Give every request an id and log it as one line when it ends."""
    # First of all hooks, so that a request another hook ends early (an unknown tenant, say) still has its id.
    app.before_request_funcs.setdefault(None, []).insert(0, _start_request)
    app.after_request(_log_request)

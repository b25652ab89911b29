"""The RQ job that renders one action plan and leaves it in Redis, sealed, for any web process to serve."""

from __future__ import annotations

import logging
import os
import time

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from rq import get_current_job
from rq.timeouts import JobTimeoutException

from prepcheck.report.extra_assets import ExtraAssets
from prepcheck.report.workers import RenderError

PDF_KEY_PREFIX = "prepcheck:pdf:"
_NONCE_BYTES = 12

logger = logging.getLogger("prepcheck.report.jobs")


def html_to_pdf(html: str, extra_assets: ExtraAssets | None = None) -> bytes:
    """WeasyPrint's render, imported on first use: web processes load this module only for its keys and seals."""
    from prepcheck.report.pdf import html_to_pdf as render  # the RQ worker imported it once, before forking

    return render(html, extra_assets)


def pdf_key(name: str) -> str:
    """The Redis key of a finished plan; `name` is a keyed hash, so the key reveals nothing about the answers."""
    return PDF_KEY_PREFIX + name


def seal(key: bytes, name: str, pdf: bytes) -> bytes:
    """The PDF encrypted (AES-GCM) under the plan's own key, bound to its name."""
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, pdf, name.encode())


def unseal(key: bytes, name: str, sealed: bytes) -> bytes | None:
    """The PDF, or None when the stored bytes do not open under this key and name."""
    try:
        return AESGCM(key).decrypt(sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], name.encode())
    except (InvalidTag, ValueError):
        return None


def render_plan(name: str, key: bytes, html: str, assets: dict[str, bytes], keep_seconds: int) -> int:
    """Render the HTML, store the sealed PDF under `pdf_key(name)` for `keep_seconds`; the PDF's size."""
    job = get_current_job()
    if job is None:
        raise RuntimeError("render_plan runs only as an RQ job")
    started = time.perf_counter()
    try:
        pdf = html_to_pdf(html, assets or None)
    except Exception as error:
        # Neither the message nor the traceback of the renderer's error is kept: it could quote the plan's text,
        # and RQ stores and logs a failed job's exception. Its type is enough to diagnose.
        fields = {"job": job.id, "questionnaire": job.meta.get("questionnaire", ""), "render_ms": _since(started)}
        if isinstance(error, JobTimeoutException):
            logger.warning("plan render timed out", extra={"fields": {**fields, "limit_s": job.timeout}})
        else:
            logger.warning("plan render failed", extra={"fields": {**fields, "error": type(error).__name__}})
        raise RenderError(f"the PDF could not be made ({type(error).__name__})") from None
    render_ms = _since(started)
    job.connection.set(pdf_key(name), seal(key, name, pdf), ex=keep_seconds)
    logger.info("plan rendered", extra={"fields": {"job": job.id, "render_ms": render_ms, "bytes": len(pdf)}})
    return len(pdf)


def _since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)

"""Renders PDFs in separate worker processes with a hard timeout; a stuck or crashed worker is replaced."""

from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prepcheck.report.extra_assets import ExtraAssets


class RenderError(RuntimeError):
    """A plan could not be rendered; the message is safe to show and the answers are untouched."""


class RenderTimeout(RenderError):
    """A render took longer than allowed; its worker was stopped and replaced."""


START_SECONDS = 120.0
"""How long a new worker may take to start and warm up (seconds on a loaded machine); not part of a render's limit."""


def _worker_main(connection: Connection) -> None:
    """Worker loop: warm up once, then render each HTML document it is sent."""
    from prepcheck.report.pdf import html_to_pdf

    html_to_pdf("<!doctype html><html lang='en'><title>warm-up</title><p>warm-up</p></html>")
    connection.send(("ready", None))
    while True:
        try:
            job = connection.recv()
        except (EOFError, ConnectionError):  # the process that started this worker is gone
            return
        if job is None:
            return
        html, extra_assets = job
        try:
            connection.send(("ok", html_to_pdf(html, extra_assets)))
        except Exception as error:  # a broken render must not end the worker
            connection.send(("error", type(error).__name__))


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    renders: int = 0
    ready: bool = False


class RenderPool:
    """A fixed number of render processes; each render waits for a free one, each worker is recycled after use."""

    def __init__(
        self, size: int = 2, timeout: float = 30.0, renders_per_worker: int = 50, start_timeout: float = START_SECONDS
    ) -> None:
        self.size = size
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.renders_per_worker = renders_per_worker
        self._context = multiprocessing.get_context("spawn")  # no fork: the web process has threads
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False

    def _start_worker(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child,), daemon=True, name="prepcheck-pdf")
        process.start()
        child.close()
        return _Worker(process, parent)

    def _ensure_started(self) -> None:
        with self._lock:
            if self._closed:
                raise RenderError("the PDF service has stopped")
            if not self._started:
                for _ in range(self.size):
                    self._idle.put(self._start_worker())
                self._started = True

    def _await_ready(self, worker: _Worker) -> None:
        """Wait for a new worker's warm-up, so that starting a process never counts against a render's limit."""
        if not worker.connection.poll(self.start_timeout):
            raise RenderError("the PDF worker did not start")
        status, _ = worker.connection.recv()
        if status != "ready":
            raise RenderError("the PDF worker did not start")
        worker.ready = True

    @staticmethod
    def _stop(worker: _Worker) -> None:
        worker.connection.close()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)

    def render(self, html: str, extra_assets: ExtraAssets | None = None, timeout: float | None = None) -> bytes:
        """Render one document; raises RenderTimeout or RenderError, never leaves the pool short of a worker."""
        self._ensure_started()
        limit = self.timeout if timeout is None else timeout
        worker = self._idle.get()
        healthy = False
        try:
            if not worker.ready:
                self._await_ready(worker)
            worker.connection.send((html, extra_assets))
            if not worker.connection.poll(limit):
                raise RenderTimeout("making the PDF took too long")
            status, payload = worker.connection.recv()
            healthy = True
            if status != "ok":
                raise RenderError(f"the PDF could not be made ({payload})")
            return payload  # type: ignore[no-any-return]
        except (EOFError, OSError, BrokenPipeError) as error:
            raise RenderError("the PDF worker stopped unexpectedly") from error
        finally:
            worker.renders += 1
            if healthy and worker.renders < self.renders_per_worker and not self._closed:
                self._idle.put(worker)
            else:
                self._stop(worker)
                if not self._closed:
                    self._idle.put(self._start_worker())

    def close(self) -> None:
        """Stop every worker (used at shutdown and by tests)."""
        with self._lock:
            self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            self._stop(worker)

    def worker_pids(self) -> list[int]:
        """The process ids of the idle workers (for tests and diagnostics)."""
        return [worker.process.pid for worker in list(self._idle.queue) if worker.process.pid is not None]

    def __enter__(self) -> RenderPool:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

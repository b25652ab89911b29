"""Real processes for the end-to-end queue tests: web servers, RQ workers, a PostgreSQL database, an HTTP driver."""

from __future__ import annotations

import itertools
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SECRET = "a-fixed-secret-shared-by-every-web-process-of-the-queue-test-0123456789"  # noqa: S105 - a test value


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def site_environment(instance: Path, database_url: str, redis_url: str) -> dict[str, str]:
    """What every process of the test site shares: the secret, the database and Redis; nothing on disk."""
    return {
        **os.environ,
        "PREPCHECK_SECRET_KEY": SECRET,
        "PREPCHECK_INSTANCE_PATH": str(instance),
        "PREPCHECK_DATABASE_URL": database_url,
        "PREPCHECK_REDIS_URL": redis_url,
        # The plan's re-check link names the site; behind one address every process must name it alike.
        "PREPCHECK_PUBLIC_URL": "https://check.example.nl",
        "PREPCHECK_INCLUDE_EXAMPLE_TENANTS": "0",
        "PREPCHECK_RATE_LIMIT_PDF": "1000 per minute",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")])),
    }


def _children(pid: int) -> list[int]:
    """The process ids whose parent is `pid` (RQ's work-horse runs in a process group of its own)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


class Process:
    """A child process of the test, stopped for certain at the end."""

    def __init__(self, arguments: list[str], environment: dict[str, str], log: Path) -> None:
        self.log = log
        with log.open("wb") as output:
            self.popen = subprocess.Popen(arguments, env=environment, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)

    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL this process and its children, at once, as a crash or an out-of-memory kill would."""
        children = _children(self.popen.pid)
        for pid in [self.popen.pid, *children]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.popen.wait(timeout=10)

    def stop(self) -> None:
        if self.alive():
            self.kill()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_web(environment: dict[str, str], log: Path) -> tuple[Process, str]:
    """`prepcheck serve` on a free port; its base URL once /healthz answers."""
    port = free_port()
    process = Process([sys.executable, "-m", "prepcheck.cli", "serve", "--port", str(port)], environment, log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1):  # noqa: S310 - http on loopback
                return process, base
        except OSError:
            assert process.alive(), f"the web process did not start:\n{process.output()[-2000:]}"
            time.sleep(0.1)
    process.stop()
    raise AssertionError("the web process did not answer within 60 s")


def start_worker(environment: dict[str, str], log: Path, module: str | None = None) -> Process:
    """`prepcheck worker` (or a test module that wraps it), once it listens on the queue."""
    arguments = [sys.executable, "-m", module] if module else [sys.executable, "-m", "prepcheck.cli", "worker"]
    process = Process(arguments, environment, log)
    deadline = time.monotonic() + 60
    while "Listening on" not in process.output():
        assert process.alive(), f"the worker did not start:\n{process.output()[-2000:]}"
        assert time.monotonic() < deadline, "the worker did not start within 60 s"
        time.sleep(0.1)
    return process


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


@dataclass
class Answer:
    status: int
    location: str
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class Site:
    """A browser without cookies or JavaScript that sends each request to the next web process in turn."""

    def __init__(self, bases: list[str]) -> None:
        self.bases = list(bases)
        self._bases = itertools.cycle(bases)
        self.served_by: list[str] = []

    def request(self, path: str, form: dict[str, list[str]] | None = None) -> Answer:
        base = next(self._bases)
        self.served_by.append(base)
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        headers = {"Accept-Language": "en", **({"Sec-Fetch-Site": "same-origin"} if data else {})}
        request = urllib.request.Request(base + path, data=data, headers=headers)  # noqa: S310 - http on loopback
        try:
            with _OPENER.open(request, timeout=60) as response:
                return Answer(
                    response.status,
                    _path(response.headers.get("Location", "")),
                    response.headers.get_content_type(),
                    response.read(),
                )
        except urllib.error.HTTPError as error:
            return Answer(error.code, _path(error.headers.get("Location", "")), error.headers.get_content_type(), error.read())


def _path(location: str) -> str:
    parts = urllib.parse.urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def first_choices(html: str, action: str | None = None) -> tuple[str, dict[str, list[str]]]:
    """The page's POST form filled the simplest valid way: the first option of each choice, the lowest number."""
    page = BeautifulSoup(html, "html5lib")
    form = page.find("form", action=action) if action else page.find("form", method=lambda m: (m or "").lower() == "post")
    assert form is not None, "no form on the page"
    data: dict[str, list[str]] = {}
    for field in form.find_all("input"):
        name, kind = field.get("name"), field.get("type", "text")
        if not name:
            continue
        if kind == "hidden":
            data[name] = [field.get("value", "")]
        elif kind in ("radio", "checkbox"):
            data.setdefault(name, [field.get("value", "")])
        elif kind == "number" or field.get("inputmode") in ("numeric", "decimal"):
            data[name] = [str(max(1, int(float(field.get("min") or 1))))]
    return form["action"], data

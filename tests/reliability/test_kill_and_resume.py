"""Kill the server (SIGKILL) in the middle of a journey, start it again: the journey goes on with every saved answer."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
TEST_QUESTIONNAIRES = ROOT / "questionnaires" / "test"
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}
PAGES = [
    {"adults": "2", "pets": "1"},
    {"water_litres": "4", "refresh": "dont_know"},
    {"radio": "none", "channels": ["paper_list", "meeting_place"]},
    {"pet_plan": "no", "note": "Cat flap is broken"},
]

pytestmark = [pytest.mark.slow, pytest.mark.database]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`python -m prepcheck.cli serve` on a loopback port, with its own instance folder and a fixed secret."""

    def __init__(self, instance: Path) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "PREPCHECK_INSTANCE_PATH": str(instance),
            "PREPCHECK_SECRET_KEY": "a-fixed-test-secret-for-the-kill-and-resume-test-0123456789",
            "PREPCHECK_QUESTIONNAIRES": str(TEST_QUESTIONNAIRES),
            "PREPCHECK_INCLUDE_TEST_QUESTIONNAIRES": "1",
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "prepcheck.cli", "serve", "--port", str(self.port)],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1):  # noqa: S310 - http on loopback
                    return
            except OSError:
                assert self.process.poll() is None, "the server did not start"
                time.sleep(0.1)
        raise AssertionError("the server did not answer within 30 s")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def request(self, path: str, form: dict[str, object] | None = None) -> tuple[int, str, str]:
        """Status, Location and body; a form is POSTed the way a browser on this site would."""
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers=SAME_ORIGIN if data else {})  # noqa: S310 - http on loopback
        try:
            with _OPENER.open(request, timeout=30) as response:
                return response.status, response.headers.get("Location", ""), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode()


def _path(location: str) -> str:
    parts = urllib.parse.urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _form(html: str, action: str | None = None) -> tuple[str, dict[str, object]]:
    page = BeautifulSoup(html, "html5lib")
    form = page.find("form", action=action) if action else page.find("form", method=lambda m: (m or "").lower() == "post")
    assert form is not None
    return form["action"], {field["name"]: field["value"] for field in form.find_all("input", type="hidden")}


def _answer(server: Server, url: str, answers: dict[str, object]) -> str:
    status, _, html = server.request(url)
    assert status == 200, (url, status)
    action, hidden = _form(html)
    status, location, _ = server.request(action, {**hidden, **answers})
    assert status == 303, (url, status)
    return _path(location)


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[Server]:
    running = Server(tmp_path / "instance")
    yield running
    if running.process is not None and running.process.poll() is None:
        running.process.kill()
        running.process.wait(timeout=10)


def test_a_journey_survives_sigkill_of_the_server(server: Server) -> None:
    server.start()
    status, _, landing = server.request("/")
    assert status == 200
    action, hidden = _form(landing, "/all_features/start")
    status, location, _ = server.request(action, hidden)
    assert status == 303
    url = _path(location)
    first_page = url
    for answers in PAGES[:2]:
        url = _answer(server, url, answers)
    third_page = url
    resume_point = first_page.rsplit("/", 1)[0] + "/"

    server.kill()
    with pytest.raises(OSError):
        urllib.request.urlopen(server.base + "/healthz", timeout=1)  # noqa: S310 - http on loopback
    server.start()

    status, location, _ = server.request(resume_point)
    assert status in (302, 303) and _path(location) == third_page  # goes on where it stopped
    status, _, page_one = server.request(first_page)
    assert status == 200
    soup = BeautifulSoup(page_one, "html5lib")
    assert soup.find("input", attrs={"name": "adults"})["value"] == "2"
    url = third_page
    for answers in PAGES[2:]:
        url = _answer(server, url, answers)
    assert url.endswith("/check-your-answers")
    status, _, summary = server.request(url)
    assert status == 200
    for shown in ("Cat flap is broken", "4"):
        assert shown in summary

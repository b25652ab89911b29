"""Load test: many simulated users completing the household check, PDF included, against gunicorn (2 workers).

Each user starts the check on the landing page, answers every page with random valid answers (so the PDF cache
rarely helps), opens the summary and the result, and downloads the action plan; then starts again. Runs on
loopback, bounded in time, and prints completions/s, p50/p95 page latency, PDF p95, errors, and the RSS of the
gunicorn processes (master, workers and their PDF render processes) at the start and the end.

    .venv/bin/python benchmarks/load_household.py [--seconds 60|600] [--users 8] [--steps 2,4,8]

With --steps the time is split over the user counts, to find the rate at which p95 stays under 300 ms.
The rate limits are raised for the run (all users share one loopback address). Needs the bench extra (gunicorn).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECRET = "benchmark-secret-" + "h" * 40
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Accept-Language": "en"}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class _Form(HTMLParser):
    """The first POST form of a page (or the one with a given action): its action and its fields."""

    def __init__(self, action: str | None = None) -> None:
        super().__init__()
        self.wanted, self.action, self.inside, self.done = action, None, False, False
        self.fields: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and not self.done and attributes.get("method", "").lower() == "post":
            if self.wanted is None or attributes.get("action") == self.wanted:
                self.action, self.inside = attributes.get("action"), True
        elif self.inside and tag in ("input", "textarea", "select"):
            self.fields.append({"tag": tag, **attributes})

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.inside:
            self.inside, self.done = False, True


def _parse_form(html: str, action: str | None = None) -> _Form:
    parser = _Form(action)
    parser.feed(html)
    return parser


def _fill(form: _Form, rng: random.Random, first_choice: bool = False) -> dict[str, list[str]]:
    """Random valid answers: one option per radio or checkbox group, a number from 1 up; free text left empty."""
    data: dict[str, list[str]] = {}
    choices: dict[str, list[str]] = {}
    for item in form.fields:
        name, kind = item.get("name"), item.get("type", "text")
        if not name:
            continue
        if kind == "hidden":
            data[name] = [item.get("value", "")]
        elif kind in ("radio", "checkbox"):
            choices.setdefault(name, []).append(item.get("value", ""))
        elif kind == "number" or item.get("inputmode") in ("numeric", "decimal"):
            low = max(1, int(float(item.get("min") or 1)))  # at least one: "how many adults" needs one
            high = int(float(item.get("max") or low + 4))
            data[name] = [str(low if first_choice else rng.randint(low, min(high, low + 20)))]
    for name, values in choices.items():
        data[name] = [values[0] if first_choice else rng.choice(values)]
    return data


@dataclass
class Figures:
    page_ms: list[float] = field(default_factory=list)
    pdf_ms: list[float] = field(default_factory=list)
    completions: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class User:
    def __init__(self, base: str, figures: Figures, seed: int) -> None:
        self.base, self.figures, self.rng = base, figures, random.Random(seed)

    def _request(self, path: str, form: dict[str, list[str]] | None = None, pdf: bool = False) -> tuple[int, str, bytes]:
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers=SAME_ORIGIN)  # noqa: S310 - loopback
        started = time.perf_counter()
        try:
            with _OPENER.open(request, timeout=60) as response:
                status, location, body = response.status, response.headers.get("Location", ""), response.read()
        except urllib.error.HTTPError as error:
            status, location, body = error.code, error.headers.get("Location", ""), error.read()
        elapsed = (time.perf_counter() - started) * 1000
        with self.figures.lock:
            (self.figures.pdf_ms if pdf else self.figures.page_ms).append(elapsed)
        return status, urllib.parse.urlsplit(location).path, body

    def _expect(self, what: str, status: int, wanted: int) -> bool:
        if status != wanted:
            with self.figures.lock:
                self.figures.errors.append(f"{what}: {status}")
            return False
        return True

    def journey(self) -> None:
        status, _, landing = self._request("/")
        if not self._expect("landing", status, 200):
            return
        start = _parse_form(landing.decode(), "/household/start")
        status, url, _ = self._request("/household/start", _fill(start, self.rng))
        if not self._expect("start", status, 303):
            return
        for _page in range(60):
            if url.endswith("/check-your-answers"):
                break
            status, _, page = self._request(url)
            if not self._expect("page GET", status, 200):
                return
            form = _parse_form(page.decode())
            status, next_url, _ = self._request(form.action or url, _fill(form, self.rng))
            if status == 200:  # a random combination the page refused: send the first options instead
                status, next_url, _ = self._request(form.action or url, _fill(form, self.rng, first_choice=True))
            if not self._expect("page POST", status, 303):
                return
            url = next_url
        status, _, _ = self._request(url)
        if not self._expect("check your answers", status, 200):
            return
        result = url.replace("check-your-answers", "your-result")
        status, _, _ = self._request(result)
        if not self._expect("result", status, 200):
            return
        status, _, pdf = self._request(result.replace("your-result", "action-plan.pdf"), pdf=True)
        if self._expect("pdf", status, 200) and pdf.startswith(b"%PDF"):
            with self.figures.lock:
                self.figures.completions += 1

    def run(self, until: float) -> None:
        while time.monotonic() < until:
            try:
                self.journey()
            except Exception as error:  # a broken connection or a timeout counts as an error, and the user goes on
                with self.figures.lock:
                    self.figures.errors.append(f"{type(error).__name__}: {error}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tree_rss_mb(root_pid: int) -> tuple[float, int]:
    """The summed RSS (MB) of a process and all its descendants, and how many processes that is."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    total, count, todo = 0.0, 0, [root_pid]
    while todo:
        pid = todo.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(match.group(1)) / 1024 if match else 0
        count += 1
        todo.extend(children.get(pid, []))
    return total, count


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60, help="total run time (default 60; 600 for the memory check)")
    parser.add_argument("--users", type=int, default=8, help="simulated users at once (without --steps)")
    parser.add_argument("--steps", default="", help="comma-separated user counts, each for an equal share of the time")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    steps = [int(step) for step in args.steps.split(",") if step.strip()] or [args.users]

    work = Path(tempfile.mkdtemp(prefix="prepcheck-load-"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    environment = {
        **os.environ,
        "PREPCHECK_INSTANCE_PATH": str(work / "instance"),
        "PREPCHECK_SECRET_KEY": SECRET,
        "PREPCHECK_RATE_LIMIT_PDF": "1000000 per minute",
        "PREPCHECK_RATE_LIMIT_RESUME": "1000000 per minute",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--timeout",
            "120",
            "prepcheck:create_app()",
        ],
        env=environment,
        cwd=work,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/readyz", timeout=1)  # noqa: S310 - loopback
                break
            except OSError:
                time.sleep(0.1)
        warm = Figures()  # a few journeys at once, so that every worker has started its PDF render processes
        warmers = [threading.Thread(target=User(base, warm, -seed).journey) for seed in range(1, 2 * args.workers + 1)]
        for thread in warmers:
            thread.start()
        for thread in warmers:
            thread.join()
        rss_start, processes_start = _tree_rss_mb(server.pid)
        print(f"gunicorn {args.workers} workers on loopback, {os.cpu_count()} CPUs, SQLite WAL, household check + PDF")
        print(f"RSS at start (after warm-up): {rss_start:.0f} MB in {processes_start} processes")
        print(
            f"{'users':>5} {'seconds':>7} {'completions':>11} {'per s':>6} {'pages':>6} {'p50 ms':>7} {'p95 ms':>7}"
            f" {'pdf p95 ms':>10} {'errors':>6} {'RSS MB':>7}"
        )
        all_errors: list[str] = []
        for users in steps:
            figures = Figures()
            seconds = args.seconds / len(steps)
            until = time.monotonic() + seconds
            threads = [threading.Thread(target=User(base, figures, seed).run, args=(until,)) for seed in range(users)]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
            rss, _ = _tree_rss_mb(server.pid)
            print(
                f"{users:5d} {elapsed:7.0f} {figures.completions:11d} {figures.completions / elapsed:6.2f}"
                f" {len(figures.page_ms):6d} {statistics.median(figures.page_ms or [0]):7.0f}"
                f" {_percentile(figures.page_ms, 0.95):7.0f} {_percentile(figures.pdf_ms, 0.95):10.0f}"
                f" {len(figures.errors):6d} {rss:7.0f}",
                flush=True,
            )
            all_errors += figures.errors
        rss_end, processes_end = _tree_rss_mb(server.pid)
        print(f"RSS at end: {rss_end:.0f} MB in {processes_end} processes ({rss_end - rss_start:+.0f} MB)")
        for error in sorted(set(all_errors))[:10]:
            print("error:", error)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()

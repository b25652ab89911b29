"""CPU per web request and per household journey (no PDF), in-process and through gunicorn, side by side.

In-process (Flask test client, `time.process_time`, the bundled household check, embedded defaults):
  /healthz (the floor), a question page GET, a saving POST, the result page: N requests each, as CPU per request
  and as a ratio to the floor; then whole journeys (landing, start, every page GET + POST, summary, result).
Through gunicorn (1 sync worker on loopback): whole journeys driven over HTTP one at a time; the CPU the server's
processes used (from /proc), per journey.

    .venv/bin/python benchmarks/request_cpu.py [--requests 500] [--journeys 20]

Targets (issue 15): GET <= 3x the floor, POST <= 4x, result page <= 8x; one journey <= 0.15 core-s through gunicorn.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import shutil
import statistics
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from flask.testing import FlaskClient
from household_driver import (
    Figures,
    User,
    base_environment,
    fill,
    free_port,
    parse_form,
    start_gunicorn,
    stop_process,
    wait_ready,
)

from prepcheck import create_app
from prepcheck.logs import JsonLines

HEADERS = {"Sec-Fetch-Site": "same-origin", "Accept-Language": "en"}


def cpu_per_call(call: Callable[[], object], repeat: int) -> float:
    """Median CPU seconds of `call` over `repeat` calls (after two warm-up calls)."""
    call()
    call()
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        call()
        samples.append(time.process_time() - started)
    return statistics.median(samples) if repeat < 50 else sum(samples) / len(samples)


class InProcessJourney:
    """A household journey through the Flask test client, with random valid answers."""

    def __init__(self, client: FlaskClient, seed: int) -> None:
        self.client, self.rng = client, random.Random(seed)

    def get(self, path: str) -> str:
        response = self.client.get(path, headers=HEADERS)
        assert response.status_code == 200, (path, response.status_code)
        return response.get_data(as_text=True)

    def post(self, path: str, form: dict[str, list[str]]) -> str:
        response = self.client.post(path, data=form, headers=HEADERS)
        if response.status_code == 200:  # a random combination the page refused: the first options instead
            return ""
        assert response.status_code == 303, (path, response.status_code)
        return urllib.parse.urlsplit(response.headers["Location"]).path

    def start(self) -> str:
        landing = self.get("/")
        start = parse_form(landing, "/household/start")
        return self.post("/household/start", fill(start, self.rng))

    def answer_page(self, url: str) -> str:
        form = parse_form(self.get(url))
        next_url = self.post(form.action or url, fill(form, self.rng))
        return next_url or self.post(form.action or url, fill(form, self.rng, first_choice=True))

    def complete(self) -> str:
        """Answer every page; the journey's address (/household/<id>)."""
        url = self.start()
        while not url.endswith("/check-your-answers"):
            url = self.answer_page(url)
        self.get(url)
        self.get(url.replace("check-your-answers", "your-result"))
        return url.rsplit("/", 1)[0]


def _log_to_nowhere() -> None:
    """Keep the one log line per request (it is part of a request's cost) but write it to /dev/null."""
    handler = logging.StreamHandler(open(os.devnull, "w"))
    handler.setFormatter(JsonLines())
    logger = logging.getLogger("prepcheck")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def in_process(requests: int, journeys: int) -> dict[str, float]:
    _log_to_nowhere()
    instance = Path(tempfile.mkdtemp(prefix="prepcheck-cpu-"))
    app = create_app(instance_path=instance / "instance", secret_key="benchmark-" + "k" * 40, rate_limit_pdf="1000000 per minute")
    client = app.test_client(use_cookies=False)
    figures: dict[str, float] = {}
    figures["floor"] = cpu_per_call(lambda: client.get("/healthz"), requests)

    journey = InProcessJourney(client, seed=1)
    first_page = journey.start()
    figures["question GET"] = cpu_per_call(lambda: journey.get(first_page), requests)

    form = parse_form(journey.get(first_page))
    answers = fill(form, journey.rng, first_choice=True)
    post_cpu: list[float] = []
    for _ in range(requests):
        fresh = parse_form(journey.get(first_page))  # the token binds the stored revision: a new one per save
        data = {**answers, **{f["name"]: [f.get("value", "")] for f in fresh.fields if f.get("type") == "hidden"}}
        started = time.process_time()
        journey.post(form.action or first_page, data)
        post_cpu.append(time.process_time() - started)
    figures["saving POST"] = sum(post_cpu) / len(post_cpu)

    done = InProcessJourney(client, seed=2).complete()
    figures["result page"] = cpu_per_call(lambda: journey.get(f"{done}/your-result"), requests)

    journey_cpu = []
    for seed in range(journeys):
        started = time.process_time()
        InProcessJourney(client, seed=100 + seed).complete()
        journey_cpu.append(time.process_time() - started)
    figures["journey"] = statistics.median(journey_cpu)
    shutil.rmtree(instance, ignore_errors=True)
    return figures


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of one process (from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").iterdir():
            children = (task / "children").read_text().split()
            pending.extend(int(child) for child in children)
    return found


def _tree_cpu(pid: int) -> float:
    return sum(_process_cpu(member) for member in _tree(pid))


class _JourneyWithoutPdf(User):
    """The load benchmark's user, stopping at the result page."""

    def journey(self) -> None:
        _, _, landing = self._request("/")
        start = parse_form(landing.decode(), "/household/start")
        _, url, _ = self._request("/household/start", fill(start, self.rng))
        summary = self._answer_all(url)
        if summary is None:
            raise RuntimeError(f"journey failed: {self.figures.errors[-1:]}")
        self._request(summary)
        self._request(summary.replace("check-your-answers", "your-result"))


def through_gunicorn(journeys: int) -> float:
    work = Path(tempfile.mkdtemp(prefix="prepcheck-cpu-gunicorn-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = work / "gunicorn.log"
    server = start_gunicorn(port, 1, base_environment(work / "instance"), work, log)
    try:
        wait_ready(base, server, log)
        user = _JourneyWithoutPdf(base, Figures(), seed=7)
        user.journey()  # warm-up: templates compiled, questionnaire texts looked up once
        before = _tree_cpu(server.pid)
        for _ in range(journeys):
            user.journey()
        used = _tree_cpu(server.pid) - before
        if user.figures.errors:
            raise RuntimeError(f"errors: {user.figures.errors[:3]}")
        return used / journeys
    finally:
        stop_process(server)
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--journeys", type=int, default=20)
    args = parser.parse_args()

    figures = in_process(args.requests, args.journeys)
    floor = figures["floor"]
    print(f"in-process CPU per request ({args.requests} requests each, household check):")
    targets = {"question GET": 3, "saving POST": 4, "result page": 8}
    for name in ("floor", "question GET", "saving POST", "result page"):
        ratio = figures[name] / floor
        target = f"(target <= {targets[name]}x)" if name in targets else ""
        print(f"  {name:<13} {figures[name] * 1000:7.2f} ms  {ratio:5.1f}x the floor {target}")
    print(f"  one whole journey, no PDF (median of {args.journeys}): {figures['journey']:.3f} core-s")
    per_journey = through_gunicorn(args.journeys)
    print(f"through gunicorn (1 sync worker), CPU of its processes per journey: {per_journey:.3f} core-s (target <= 0.15)")


if __name__ == "__main__":
    main()

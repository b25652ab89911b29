"""The worst-case household plan downloaded through the web while the machine is busy with other users.

gunicorn (2 workers, embedded defaults) serves simulated users completing the household check (half of them
downloading their plan, as in load_household.py). Meanwhile one more user answers every page with the
worst-case answers (tests/fixtures/answers/household_worst_case.json: the most actions one household can get)
and downloads the plan, a few times in a row. For each download it prints how long the first answer took and
what it was (the PDF itself, or the "being prepared" page), and when the PDF arrived. A download should never
hang: within about 2 s the reader has the PDF or the "being prepared" page.

    .venv/bin/python benchmarks/worst_case_under_load.py [--users 8] [--tries 5]

Needs the bench extra (gunicorn).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import threading
import time
from io import BytesIO
from pathlib import Path

from household_driver import (
    ROOT,
    Figures,
    User,
    _Form,
    base_environment,
    free_port,
    percentile,
    run_users,
    start_gunicorn,
    stop_process,
    wait_ready,
    warm_up,
)
from pypdf import PdfReader

ANSWERS = json.loads((ROOT / "tests" / "fixtures" / "answers" / "household_worst_case.json").read_text(encoding="utf-8"))


class WorstCaseUser(User):
    """A user who gives the worst-case answers wherever a page asks for them; keeps the last plan it got."""

    pdf: bytes | None = None
    adults = 2
    """Each try counts another number of adults, so that every try's plan is new (none comes from the cache)."""

    def answers_for(self, form: _Form) -> dict[str, list[str]]:
        data = super().answers_for(form)
        answers = {**ANSWERS, "adults": self.adults}
        for name in list(data):
            given = answers.get(name)
            if isinstance(given, list):
                data[name] = [str(value) for value in given]
            elif given is not None:
                data[name] = [str(given)]
        return data

    def fetch_plan(self, journey: str) -> bytes | None:
        self.pdf = super().fetch_plan(journey)
        return self.pdf


def _pages(pdf: bytes | None) -> int:
    return len(PdfReader(BytesIO(pdf)).pages) if pdf else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=8, help="simulated users keeping the server busy")
    parser.add_argument("--tries", type=int, default=5, help="worst-case downloads, one after the other")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="prepcheck-worst-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = work / "gunicorn.log"
    server = start_gunicorn(port, 2, base_environment(work / "instance"), work, log)
    stop = threading.Event()
    try:
        wait_ready(base, server, log)
        warm_up(base, 4)
        load: list[Figures] = []
        busy = threading.Thread(
            target=lambda: load.append(run_users(base, args.users, 3600, pdf_share=0.5, stop=stop)[0]), daemon=True
        )
        busy.start()
        time.sleep(5)  # the other users are under way
        print(f"gunicorn 2 workers, {os.cpu_count()} CPUs, {args.users} other users, the worst-case plan {args.tries} times")
        print(f"{'try':>3} {'first answer ms':>15} {'first answer':<22} {'PDF after s':>11} {'pages':>5} {'load avg':>8}")
        for attempt in range(1, args.tries + 1):
            figures = Figures()
            user = WorstCaseUser(base, figures, seed=1000 + attempt, poll_seconds=2.0)  # a browser refreshes every 2 s
            user.adults = 1 + attempt
            user.journey()
            if figures.errors or not figures.pdf_request_ms:
                print(f"{attempt:3d} error: {figures.errors[:3]}")
                continue
            first = figures.pdf_request_ms[0]
            kind = "the PDF" if len(figures.pdf_request_ms) == 1 and not figures.poll_ms else "'being prepared' page"
            print(
                f"{attempt:3d} {first:15.0f} {kind:<22} {figures.pdf_ready_ms[-1] / 1000:11.1f}"
                f" {_pages(user.pdf):5d} {os.getloadavg()[0]:8.2f}",
                flush=True,
            )
        stop.set()
        busy.join(timeout=120)
        if load:
            other = load[0]
            print(
                f"the other users meanwhile: {other.completions} completions, page p95 {percentile(other.page_ms, 0.95):.0f} ms,"
                f" {len(other.errors)} errors"
            )
    finally:
        stop.set()
        stop_process(server)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

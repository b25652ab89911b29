"""Times the worst-case household plan (tests/fixtures/answers/household_worst_case.json: the most actions one
household can get) in a render pool like the web's: alone, then on every worker at once, optionally next to busy
processes that load every core. PREPCHECK_PDF_TIMEOUT must cover the slowest of these with a margin (a worker's
start-up does not count against it).

Run: .venv/bin/python benchmarks/worst_case_plan.py [--renders 5] [--workers 2] [--busy 2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from prepcheck.engine import assess, load_questionnaire  # noqa: E402
from prepcheck.report.html import render_report_html  # noqa: E402
from prepcheck.report.service import PlanService  # noqa: E402
from prepcheck.report.workers import RenderPool  # noqa: E402

ANSWERS = ROOT / "tests" / "fixtures" / "answers" / "household_worst_case.json"


def worst_case_html() -> str:
    """The worst-case plan's HTML, with a resume code and a re-check link as a web download has them."""
    questionnaire = load_questionnaire(ROOT / "questionnaires" / "household.yaml")
    assessment = assess(questionnaire, json.loads(ANSWERS.read_text(encoding="utf-8")))
    service = PlanService()
    request = service.request_for(
        questionnaire,
        assessment,
        "en",
        resume_code="K7QM-3XWA-9TPE",
        recheck_url="https://check.example.nl/en/household/recheck#" + "A" * 60,
    )
    return render_report_html(request, questionnaire)


def _spin(stop: multiprocessing.synchronize.Event) -> None:
    while not stop.is_set():
        sum(range(10_000))


def timed_render(pool: RenderPool, html: str) -> float:
    started = time.perf_counter()
    pool.render(html)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--renders", type=int, default=5, help="renders one after the other")
    parser.add_argument("--busy", type=int, default=0, help="busy processes competing for the cores")
    parser.add_argument("--workers", type=int, default=2, help="render processes (PREPCHECK_PDF_WORKERS)")
    args = parser.parse_args()

    html = worst_case_html()
    stop = multiprocessing.Event()
    spinners = [multiprocessing.Process(target=_spin, args=(stop,), daemon=True) for _ in range(args.busy)]
    for spinner in spinners:
        spinner.start()
    try:
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, {args.busy} busy processes added")
        with RenderPool(size=args.workers, timeout=600) as pool:
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.workers) as threads:
                list(threads.map(lambda _: timed_render(pool, html), range(args.workers)))
            print(f"start-up of {args.workers} workers and their first render: {time.perf_counter() - started:.2f} s")
            alone = [timed_render(pool, html) for _ in range(args.renders)]
            print(f"worst-case plan alone: p50 {statistics.median(alone):.2f} s, max {max(alone):.2f} s")
            together: list[float] = []
            with ThreadPoolExecutor(max_workers=args.workers) as threads:
                for _ in range(args.renders):
                    together += threads.map(lambda _: timed_render(pool, html), range(args.workers))
            print(f"on all {args.workers} workers at once: p50 {statistics.median(together):.2f} s, max {max(together):.2f} s")
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        stop.set()
        for spinner in spinners:
            spinner.join()


if __name__ == "__main__":
    main()

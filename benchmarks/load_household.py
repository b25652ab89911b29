"""Load test: many simulated users completing the household check, PDF included, against gunicorn (2 workers).

Each user starts the check on the landing page, answers every page with random valid answers (so the PDF cache
rarely helps), opens the summary and the result, and (half of them, or --pdf-share) downloads the action plan;
then starts again. A completion is a journey that reached its result (and its PDF, when it asked for one). Runs on
loopback, bounded in time, and prints completions/s, p50/p95 page latency, PDF p95, errors, the CPU each
completion cost (core-seconds in the web workers and in the PDF render processes), and the RSS of the gunicorn
processes (master, workers and their PDF render processes) at the start and the end.

    .venv/bin/python benchmarks/load_household.py [--seconds 60|600] [--users 8] [--steps 2,4,8] [--pdf-share 0.5]

With --steps the time is split over the user counts, to find the rate at which p95 stays under 300 ms.
The rate limits are raised for the run (all users share one loopback address). Needs the bench extra (gunicorn).
PDF p95 is from the first request for the PDF to its bytes (the same as the request itself in the embedded default).
The users are driven by household_driver.py; scale_out.py compares this set-up with PostgreSQL, Redis and RQ.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from household_driver import (
    base_environment,
    cpu_by_depth,
    free_port,
    percentile,
    run_users,
    start_gunicorn,
    stop_process,
    tree_rss_mb,
    wait_ready,
    warm_up,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60, help="total run time (default 60; 600 for the memory check)")
    parser.add_argument("--users", type=int, default=8, help="simulated users at once (without --steps)")
    parser.add_argument("--steps", default="", help="comma-separated user counts, each for an equal share of the time")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pdf-share", type=float, default=0.5, help="share of the users who download the PDF")
    args = parser.parse_args()
    steps = [int(step) for step in args.steps.split(",") if step.strip()] or [args.users]

    work = Path(tempfile.mkdtemp(prefix="prepcheck-load-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = base_environment(work / "instance")
    log = work / "gunicorn.log"
    server = start_gunicorn(port, args.workers, environment, work, log)
    try:
        wait_ready(base, server, log)
        warm_up(base, 2 * args.workers)  # every worker starts its PDF render processes before the figures start
        rss_start, processes_start = tree_rss_mb(server.pid)
        print(
            f"gunicorn {args.workers} workers on loopback, {os.cpu_count()} CPUs, SQLite WAL, household check,"
            f" {args.pdf_share:.0%} of the users download the PDF"
        )
        print(f"RSS at start (after warm-up): {rss_start:.0f} MB in {processes_start} processes")
        print(
            f"{'users':>5} {'seconds':>7} {'completions':>11} {'per s':>6} {'pages':>6} {'p50 ms':>7} {'p95 ms':>7}"
            f" {'pdf p95 ms':>10} {'errors':>6} {'RSS MB':>7} {'web cs/c':>8} {'pdf cs/pdf':>10}"
        )
        all_errors: list[str] = []
        for users in steps:
            cpu_before = cpu_by_depth(server.pid)
            figures, elapsed = run_users(base, users, args.seconds / len(steps), pdf_share=args.pdf_share)
            cpu_after = cpu_by_depth(server.pid)
            web_cpu, pdf_cpu = (_depth(cpu_after, depth) - _depth(cpu_before, depth) for depth in (1, 2))
            rss, _ = tree_rss_mb(server.pid)
            print(
                f"{users:5d} {elapsed:7.0f} {figures.completions:11d} {figures.completions / elapsed:6.2f}"
                f" {len(figures.page_ms):6d} {statistics.median(figures.page_ms or [0]):7.0f}"
                f" {percentile(figures.page_ms, 0.95):7.0f} {percentile(figures.pdf_ready_ms, 0.95):10.0f}"
                f" {len(figures.errors):6d} {rss:7.0f} {web_cpu / max(1, figures.completions):8.3f}"
                f" {pdf_cpu / max(1, figures.pdfs):10.3f}",
                flush=True,
            )
            all_errors += figures.errors
        rss_end, processes_end = tree_rss_mb(server.pid)
        print("web cs/c: core-seconds in the web workers per completion; pdf cs/pdf: in the render processes per PDF")
        print(f"RSS at end: {rss_end:.0f} MB in {processes_end} processes ({rss_end - rss_start:+.0f} MB)")
        for error in sorted(set(all_errors))[:10]:
            print("error:", error)
    finally:
        stop_process(server)
        shutil.rmtree(work, ignore_errors=True)


def _depth(cpu: list[float], depth: int) -> float:
    return cpu[depth] if depth < len(cpu) else 0.0


if __name__ == "__main__":
    main()

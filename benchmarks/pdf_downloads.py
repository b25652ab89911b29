"""20 concurrent action-plan downloads through gunicorn (2 workers) on loopback: all must succeed.

Prints p50/p99 for first downloads (rendered in the worker pools) and for the same downloads again (cached).

    .venv/bin/python benchmarks/pdf_downloads.py [--downloads 20]

Needs the bench extra (pip install -e '.[bench]').
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECRET = "benchmark-secret-" + "y" * 40


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment(instance: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PREPCHECK_INSTANCE_PATH": str(instance),
        "PREPCHECK_SECRET_KEY": SECRET,
        "PYTHONPATH": f"{ROOT}:{ROOT / 'benchmarks'}",
    }


def _completed_responses(instance: Path, count: int) -> list[str]:
    """Store `count` completed household checks, each a little different so that none is served from cache."""
    os.environ.update({k: v for k, v in _environment(instance).items() if k.startswith("PREPCHECK_")})
    from prepcheck import create_app
    from prepcheck.services import services_of
    from prepcheck.store import ResponseDocument

    store = services_of(create_app()).responses
    answers = json.loads((ROOT / "tests" / "fixtures" / "answers" / "household_family.json").read_text())
    paths = []
    for index in range(count):
        document = ResponseDocument("household", 1, "en").with_answers({**answers, "water_litres": 5 + index})
        stored = store.create(document)
        paths.append(f"/en/household/{stored.response_id}/action-plan.pdf")
    return paths


def _download(url: str) -> tuple[float, int, bytes]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - loopback only
        body = response.read()
        return time.perf_counter() - started, response.status, body[:5]


def _round(base: str, paths: list[str]) -> list[float]:
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        results = list(pool.map(lambda path: _download(base + path), paths))
    failures = [status for _, status, head in results if status != 200 or head != b"%PDF-"]
    if failures:
        sys.exit(f"{len(failures)} of {len(paths)} downloads failed")
    return sorted(duration for duration, _, _ in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--downloads", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="prepcheck-pdf-bench-"))
    instance = work / "instance"
    paths = _completed_responses(instance, args.downloads)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            "2",
            "--timeout",
            "120",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "web_app:app",
        ],
        env=_environment(instance),
        cwd=work,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310 - loopback only
                break
            except OSError:
                time.sleep(0.2)
        started = time.perf_counter()
        first = _round(base, paths)
        wall = time.perf_counter() - started
        second = _round(base, paths)
        cached = _round(base, paths)
    finally:
        server.terminate()
        server.wait(timeout=30)
    p99 = first[min(len(first) - 1, round(0.99 * (len(first) - 1)))]
    print(
        f"{len(paths)} concurrent first downloads: all succeeded in {wall:.1f} s; "
        f"p50 {statistics.median(first) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms "
        "(includes starting the render workers)"
    )
    # Each gunicorn worker keeps its own cache, so the second round re-renders what the other worker made.
    print(
        f"the same {len(paths)} again: p50 {statistics.median(second) * 1000:.0f} ms, p99 {second[-1] * 1000:.0f} ms "
        "(the cache is per process: about half land on the worker that did not render them)"
    )
    print(
        "a third time (mostly cached; a worker that never served a plan still renders it): "
        f"p50 {statistics.median(cached) * 1000:.1f} ms, "
        f"p99 {cached[-1] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()

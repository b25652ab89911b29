"""Load test of the web journey: gunicorn (2 workers) on loopback, driven by wrk.

Prints req/s and p50/p99 latency for a question-page GET and a valid POST (each saving its answers), side by side
with a bare Flask route on the same server (the ceiling), plus a pyinstrument profile of the page in-process.

    .venv/bin/python benchmarks/web_load.py [--seconds 10] [--connections 16] [--profile]

Needs `wrk` (apt-get install wrk) and the bench extra (pip install -e '.[bench]').
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONNAIRE = "web_answer_types"
PAGE = "radio_page"
SECRET = "benchmark-secret-" + "x" * 40

POST_SCRIPT = """
local lines = {}
local index = 0
local step = 1
function setup(thread)
  thread:set("offset", #threads_seen)
  table.insert(threads_seen, thread)
end
threads_seen = {}
function init(args)
  for line in io.lines("%(targets)s") do table.insert(lines, line) end
  index = tonumber(offset) or 0
  step = %(threads)d
end
function request()
  index = index + step
  local line = lines[(index %% #lines) + 1]
  local path, token = line:match("^(%%S+) (%%S+)$")
  return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin"}, "token=" .. token .. "&torch=crank")
end
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment(instance: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PREPCHECK_INSTANCE_PATH": str(instance),
        "PREPCHECK_SECRET_KEY": SECRET,
        "PREPCHECK_QUESTIONNAIRES": str(ROOT / "questionnaires" / "test"),
        "PYTHONPATH": f"{ROOT}:{ROOT / 'benchmarks'}",
    }


def _prepare_responses(instance: Path, count: int, targets: Path) -> str:
    """Create `count` responses directly in the store; write 'path token' lines for the POST run; one GET path."""
    os.environ.update({k: v for k, v in _environment(instance).items() if k.startswith("PREPCHECK_")})
    from prepcheck import create_app
    from prepcheck.services import services_of
    from prepcheck.store import ResponseDocument
    from prepcheck.web.security import FormBinding, form_token

    app = create_app()
    store = services_of(app).responses
    lines = []
    with app.test_request_context():
        for _ in range(count):
            stored = store.create(ResponseDocument(QUESTIONNAIRE, 1, "en"))
            token = form_token(FormBinding(stored.response_id, PAGE, 0))
            lines.append(f"/{QUESTIONNAIRE}/{stored.response_id}/{PAGE} {token}")
    targets.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines[0].split(" ")[0]


def _wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}  # type: ignore[union-attr]
    for percentile in ("50", "99"):
        value, unit = re.search(rf"\s{percentile}%\s+([\d.]+)(us|ms|s)", output).groups()  # type: ignore[union-attr]
        figures[f"p{percentile}"] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["bad"] = float(errors.group(1)) if errors else 0.0
    return figures


def _profile(instance: Path, path: str) -> None:
    from pyinstrument import Profiler

    from prepcheck import create_app

    client = create_app().test_client(use_cookies=False)
    client.get(path)
    profiler = Profiler(interval=0.0002)
    profiler.start()
    started = time.perf_counter()
    for _ in range(500):
        client.get(path)
    elapsed = time.perf_counter() - started
    profiler.stop()
    print(f"\nin-process question page: {elapsed / 500 * 1000:.2f} ms per GET (Flask test client, no HTTP)")
    print(profiler.output_text(unicode=False, color=False, show_all=False, timeline=False)[:6000])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")
    work = Path(tempfile.mkdtemp(prefix="prepcheck-bench-"))
    instance = work / "instance"
    targets = work / "targets.txt"
    get_path = _prepare_responses(instance, 2000 * args.seconds, targets)
    script = work / "post.lua"
    script.write_text(POST_SCRIPT % {"targets": targets, "threads": 2}, encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning", "web_app:app"],
        env=_environment(instance),
        cwd=work,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310 - loopback
                break
            except OSError:
                time.sleep(0.1)
        _wrk(base + "/bench/ceiling", 2, args.connections)  # warm up both workers
        _wrk(base + get_path, 2, args.connections)
        results = {
            "ceiling (bare Flask route)": _wrk(base + "/bench/ceiling", args.seconds, args.connections),
            "question page GET": _wrk(base + get_path, args.seconds, args.connections),
            "valid POST (saves answers)": _wrk(base + "/", args.seconds, args.connections, script),
        }
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
    ceiling = results["ceiling (bare Flask route)"]["rps"]
    print(f"gunicorn 2 workers, wrk -t2 -c{args.connections} -d{args.seconds}s, {os.cpu_count()} CPUs, SQLite WAL")
    print(f"{'':28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'of ceiling':>11} {'non-2xx/3xx':>12}")
    for name, figures in results.items():
        print(
            f"{name:28} {figures['rps']:9.0f} {figures['p50']:8.2f} {figures['p99']:8.2f}"
            f" {figures['rps'] / ceiling:10.0%} {figures['bad']:12.0f}"
        )
    if args.profile:
        _profile(instance, get_path)


if __name__ == "__main__":
    main()

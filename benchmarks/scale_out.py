"""Completions per second with PDFs: the embedded default versus the scale-out set-up, side by side in one run.

Three set-ups, one after the other, each measured the same way (same simulated users with the same random answers,
same duration, the household check from the landing page to the action-plan PDF; see household_driver.py):

1. embedded default: gunicorn (2 workers) + SQLite + the in-process PDF render pool (PREPCHECK_REDIS_URL unset);
2. scale-out, 1 RQ worker: gunicorn (2 workers) + PostgreSQL (a fresh database, dropped afterwards) + Redis
   (an unused database number, flushed before and after) + one `prepcheck worker`;
3. the same with 2 RQ workers.

For each it prints completions/s (and the ratio to the embedded default), p50/p95 latency of the journey's pages,
the PDF's time to ready (first `.pdf` request to the PDF's bytes) p50/p95, errors, and the peak summed RSS of the
set-up's processes (gunicorn and its children, the RQ workers and their children, and, for the scale-out rows, the
PostgreSQL backends of the benchmark's database and redis-server). Then how the figure moves from 1 to 2 workers.

In queue mode the `.pdf` answers 303 to the status page while the plan is prepared. A browser refreshes that page
every 2 s; these users poll it every 0.25 s instead, so that the figure measures the system, not the refresh
interval. The time to ready includes that polling (up to 0.25 s late). Each poll is a request the web processes
answer, on the same cores as everything else: the report prints what the polls cost (see --poll to compare).

    .venv/bin/python benchmarks/scale_out.py [--seconds 60] [--users 8] [--rows embedded,rq1,rq2] [--poll 0.25] [--rounds 1]

Needs the bench extra (gunicorn), psycopg, PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and Redis at
127.0.0.1:6379 (see --postgres and --redis). Every process it starts is stopped at the end, also on Ctrl-C.
The figures are only as quiet as the machine: check the load it prints; on a shared machine --rounds 3 runs the
set-ups in turn three times (each for --seconds) and pools the figures, so that a busy minute hits them all.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from household_driver import (
    POLL_SECONDS,
    Figures,
    PeakRss,
    SetupError,
    base_environment,
    free_port,
    log_tail,
    percentile,
    run_users,
    start_gunicorn,
    start_process,
    stop_process,
    wait_ready,
    warm_up,
)

WEB_WORKERS = 2
PREPCHECK = Path(sys.executable).with_name("prepcheck")
REDIS_DB_PREFERENCE = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 12, 13, 14]
"""Away from 0 (the default) and 15 (the tests' choice), so that the flushes hit nobody else's keys."""


@dataclass(frozen=True)
class SetUp:
    key: str
    label: str
    rq_workers: int
    """0: the embedded default (no Redis, no PostgreSQL, PDFs rendered in the web processes' pool)."""


SETUPS = [
    SetUp("embedded", "embedded (SQLite, PDF pool)", 0),
    SetUp("rq1", "scale-out, 1 RQ worker", 1),
    SetUp("rq2", "scale-out, 2 RQ workers", 2),
]


@dataclass
class Row:
    setup: SetUp
    figures: Figures | None = None
    elapsed: float = 0.0
    peak_rss_mb: float = 0.0
    processes: int = 0
    load: float = 0.0
    skipped: str = ""
    rounds: list[float] = field(default_factory=list)
    """Completions/s of each round (with --rounds above 1)."""

    @property
    def per_second(self) -> float | None:
        return self.figures.completions / self.elapsed if self.figures and self.elapsed else None


def merge(setup: SetUp, rows: list[Row]) -> Row:
    """The rounds of one set-up as one row: counts and times summed, latencies pooled, the highest peak RSS."""
    measured = [row for row in rows if row.figures is not None]
    skipped = "; ".join(sorted({row.skipped for row in rows if row.skipped}))
    if not measured:
        return Row(setup, skipped=skipped)
    figures = Figures()
    for row in measured:
        assert row.figures is not None
        figures.page_ms += row.figures.page_ms
        figures.pdf_request_ms += row.figures.pdf_request_ms
        figures.poll_ms += row.figures.poll_ms
        figures.pdf_ready_ms += row.figures.pdf_ready_ms
        figures.completions += row.figures.completions
        figures.errors += row.figures.errors
    peak = max(measured, key=lambda row: row.peak_rss_mb)
    return Row(
        setup,
        figures,
        sum(row.elapsed for row in measured),
        peak.peak_rss_mb,
        peak.processes,
        statistics.mean(row.load for row in measured),
        skipped and f"{len(rows) - len(measured)} of {len(rows)} rounds: {skipped}",
        [row.per_second or 0.0 for row in measured],
    )


class Postgres:
    """Creates and drops the benchmark's databases; also tells which backends serve one (for the RSS)."""

    def __init__(self, admin_url: str) -> None:
        import psycopg  # the test extra has it; the app needs it for PostgreSQL anyway

        self.admin_url = admin_url
        self.connection = psycopg.connect(admin_url, autocommit=True, connect_timeout=5)
        self.version = str(self.connection.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]

    def create(self) -> str:
        name = f"prepcheck_bench_{uuid.uuid4().hex[:12]}"
        self.connection.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop(self, name: str) -> None:
        self.connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def backends(self, name: str) -> list[int]:
        rows = self.connection.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (name,)).fetchall()
        return [int(row[0]) for row in rows]

    def app_url(self, name: str) -> str:
        """The SQLAlchemy address of database `name` on the admin address's server, through psycopg 3."""
        parts = urllib.parse.urlsplit(self.admin_url)
        return urllib.parse.urlunsplit(("postgresql+psycopg", parts.netloc, f"/{name}", parts.query, ""))

    def close(self) -> None:
        self.connection.close()


class RedisDb:
    """One Redis database number that was empty when the run started; flushed before and after each set-up."""

    def __init__(self, url: str, number: int | None) -> None:
        import redis

        self.url = url.rstrip("/")
        probe = redis.Redis.from_url(self.url, socket_connect_timeout=5)
        info: dict[str, Any] = probe.info("server")
        self.version = str(info.get("redis_version", "?"))
        self.server_pid = int(info.get("process_id", 0))
        self.number = number if number is not None else self._unused(probe)
        probe.close()
        self.client = redis.Redis.from_url(f"{self.url}/{self.number}", socket_connect_timeout=5)

    @staticmethod
    def _unused(probe: Any) -> int:
        databases = int(probe.config_get("databases").get("databases", 16))
        keyspace: dict[str, Any] = probe.info("keyspace")
        for number in REDIS_DB_PREFERENCE:
            if number < databases and f"db{number}" not in keyspace:
                return number
        raise SetupError("no empty Redis database among " + ", ".join(map(str, REDIS_DB_PREFERENCE)) + " (see --redis-db)")

    @property
    def app_url(self) -> str:
        return f"{self.url}/{self.number}"

    def flush(self) -> None:
        self.client.flushdb()

    def local_pids(self) -> list[int]:
        """redis-server, when it runs on this machine (its RSS belongs to the set-up)."""
        return [self.server_pid] if self.server_pid and Path(f"/proc/{self.server_pid}").exists() else []


def _runs(argv: list[str], environment: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, env=environment, capture_output=True, text=True, timeout=timeout, check=False)


def queue_pieces_missing() -> str:
    """Why the scale-out rows cannot run with this checkout ('' when they can)."""
    if not PREPCHECK.exists():
        return f"{PREPCHECK} is missing (install prepcheck into this virtual environment)"
    if _runs([str(PREPCHECK), "worker", "--help"]).returncode != 0:
        return "prepcheck worker is not available yet (`prepcheck worker --help` fails)"
    return ""


def migrate(environment: dict[str, str], work: Path) -> str:
    """Run `prepcheck db upgrade` when that command exists; what was done, for the log line."""
    if _runs([str(PREPCHECK), "db", "--help"], environment).returncode != 0:
        return "schema created by the app at start (no `prepcheck db`)"
    result = _runs([str(PREPCHECK), "db", "upgrade"], environment, timeout=120)
    (work / "migrate.log").write_text(result.stdout + result.stderr)
    if result.returncode != 0:
        raise SetupError(f"`prepcheck db upgrade` failed with {result.returncode}\n{log_tail(work / 'migrate.log')}")
    return "schema by `prepcheck db upgrade`"


@dataclass
class Services:
    """The shared services of the scale-out rows, or why they are not available."""

    postgres: Postgres | None = None
    redis: RedisDb | None = None
    missing: str = ""


def connect_services(args: argparse.Namespace) -> Services:
    services = Services(missing=queue_pieces_missing())
    if services.missing:
        return services
    try:
        services.postgres = Postgres(args.postgres)
    except ImportError:
        services.missing = "psycopg is not installed (pip install 'psycopg[binary]')"
        return services
    except Exception as error:
        services.missing = f"PostgreSQL at {args.postgres} is not reachable: {error}"
        return services
    try:
        services.redis = RedisDb(args.redis, args.redis_db)
    except SetupError as error:
        services.missing = str(error)
    except Exception as error:
        services.missing = f"Redis at {args.redis} is not reachable: {error}"
    return services


def _scale_out_environment(
    stack: contextlib.ExitStack, services: Services, environment: dict[str, str], work: Path
) -> tuple[str, str]:
    """A fresh database and a flushed Redis database for this row; the database's name and how the schema was made."""
    assert services.postgres is not None and services.redis is not None
    postgres, redis_db = services.postgres, services.redis
    database = postgres.create()
    stack.callback(postgres.drop, database)
    redis_db.flush()
    stack.callback(redis_db.flush)
    environment["PREPCHECK_DATABASE_URL"] = postgres.app_url(database)
    environment["PREPCHECK_REDIS_URL"] = redis_db.app_url
    return database, migrate(environment, work)


def _dead(processes: list[subprocess.Popen[bytes]], logs: list[Path], what: str) -> list[str]:
    return [
        f"{what} exited with {process.returncode}\n{log_tail(log)}"
        for process, log in zip(processes, logs)
        if process.poll() is not None
    ]


def _start_web(stack: contextlib.ExitStack, environment: dict[str, str], work: Path) -> tuple[str, int]:
    """gunicorn with the set-up's environment, stopped with the stack; its address and process id, once ready."""
    port, log = free_port(), work / "gunicorn.log"
    web = start_gunicorn(port, WEB_WORKERS, environment, work, log)
    stack.callback(stop_process, web)
    wait_ready(f"http://127.0.0.1:{port}", web, log)
    return f"http://127.0.0.1:{port}", web.pid


def _start_workers(
    stack: contextlib.ExitStack, count: int, environment: dict[str, str], work: Path
) -> tuple[list[subprocess.Popen[bytes]], list[Path]]:
    logs = [work / f"worker-{number}.log" for number in range(1, count + 1)]
    workers = [start_process([str(PREPCHECK), "worker"], environment, work, log) for log in logs]
    for worker in workers:
        stack.callback(stop_process, worker)
    return workers, logs


def _warm_up(base: str, logs: list[Path]) -> None:
    """Journeys until every web and PDF process has started and rendered; SetupError if none gets its PDF."""
    warm = warm_up(base, 2 * WEB_WORKERS)
    if warm.completions == 0:
        distinct = "; ".join(sorted(set(warm.errors))[:5])
        tails = "\n".join(f"  {log.name}\n{log_tail(log, 8)}" for log in logs)
        raise SetupError(f"no journey completed in the warm-up ({distinct})\n{tails}")


def measure(setup: SetUp, services: Services, users: int, seconds: float, poll: float) -> Row:
    """Start the set-up, warm it up, run the users, stop everything (also on errors and Ctrl-C)."""
    with contextlib.ExitStack() as stack:
        work = Path(tempfile.mkdtemp(prefix=f"prepcheck-scale-{setup.key}-"))
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        environment = base_environment(work / "instance")
        database, schema = "", "SQLite created by the app at start"
        if setup.rq_workers:
            database, schema = _scale_out_environment(stack, services, environment, work)
        base, web = _start_web(stack, environment, work)
        workers, worker_logs = _start_workers(stack, setup.rq_workers, environment, work)
        print(f"  {setup.label}: {schema}; warming up", flush=True)
        _warm_up(base, [work / "gunicorn.log", *worker_logs])
        if dead := _dead(workers, worker_logs, "prepcheck worker"):
            raise SetupError(dead[0])

        def services_pids() -> list[int]:
            if not setup.rq_workers or services.postgres is None or services.redis is None:
                return []
            return services.postgres.backends(database) + services.redis.local_pids()

        with PeakRss(lambda: [web, *(worker.pid for worker in workers)], services_pids) as peak:
            figures, elapsed = run_users(base, users, seconds, poll_seconds=poll)
        figures.errors += [message.splitlines()[0] for message in _dead(workers, worker_logs, "prepcheck worker")]
        return Row(setup, figures, elapsed, peak.peak_mb, peak.processes, os.getloadavg()[0])


def _ms(value: float) -> str:
    return "-" if value != value else f"{value:.0f}"  # NaN: nothing measured


def machine_line(services: Services) -> str:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if "model name" in line),
        platform.processor() or "?",
    )
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    versions = f"Python {platform.python_version()}"
    if services.postgres:
        versions += f", PostgreSQL {services.postgres.version}"
    if services.redis:
        versions += f", Redis {services.redis.version} (db {services.redis.number})"
    return f"machine: {os.cpu_count()} cores ({model}), load average {load}; {versions}"


HEADER = (
    f"{'set-up':<28} {'done':>5} {'per s':>6} {'vs emb':>6} {'page p50':>8} {'page p95':>8}"
    f" {'ready p50':>9} {'ready p95':>9} {'polls':>6} {'errors':>6} {'peak RSS MB':>11} {'procs':>5} {'load':>5}"
)


def row_line(row: Row, embedded: float | None) -> str:
    if row.figures is None:
        return f"{row.setup.label:<28} not measured: {row.skipped.splitlines()[0] if row.skipped else '?'}"
    figures, rate = row.figures, row.per_second or 0.0
    ratio = f"{rate / embedded:.2f}x" if embedded else "-"
    return (
        f"{row.setup.label:<28} {figures.completions:5d} {rate:6.2f} {ratio:>6}"
        f" {_ms(statistics.median(figures.page_ms) if figures.page_ms else float('nan')):>8}"
        f" {_ms(percentile(figures.page_ms, 0.95)):>8}"
        f" {_ms(statistics.median(figures.pdf_ready_ms) if figures.pdf_ready_ms else float('nan')):>9}"
        f" {_ms(percentile(figures.pdf_ready_ms, 0.95)):>9} {len(figures.poll_ms):6d} {len(figures.errors):6d}"
        f" {row.peak_rss_mb:11.0f} {row.processes:5d} {row.load:5.2f}"
    )


def progress(row: Row) -> str:
    if row.figures is None:
        return f"{row.setup.label}: not measured"
    return f"{row.setup.label}: {row.per_second or 0:.2f} completions/s, {len(row.figures.errors)} errors, load {row.load:.2f}"


def print_report(rows: list[Row], users: int, seconds: float, poll: float) -> None:
    embedded = next((row.per_second for row in rows if row.setup.rq_workers == 0), None)
    print()
    print(f"{users} users, {seconds:.0f} s per set-up, same answers in every set-up; latencies in ms")
    print(HEADER)
    for row in rows:
        print(row_line(row, embedded))
    by_workers = {row.setup.rq_workers: row.per_second for row in rows if row.per_second is not None}
    if by_workers.get(1) and 2 in by_workers:
        print(
            f"1 -> 2 RQ workers: {by_workers[1]:.2f} -> {by_workers[2]:.2f} completions/s ({by_workers[2] / by_workers[1]:.2f}x)"
        )
    print("done: journeys that ended with the PDF's bytes; page: the journey's pages (not the PDF or its status page)")
    print(f"ready: first .pdf request to the PDF's bytes; the status page is polled every {poll} s (a browser: 2 s)")
    print("polls: status-page requests; peak RSS: summed over the set-up's processes (procs), sampled every 0.5 s")
    rounds = " (the mean over the rounds)" if any(len(row.rounds) > 1 for row in rows) else ""
    print(f"load: 1-minute load average at the end of the row{rounds}")
    print(
        f"processes: embedded = gunicorn master + {WEB_WORKERS} workers, each with its own PDF render processes"
        " (PREPCHECK_PDF_WORKERS, default 2);"
    )
    print(
        f"           scale-out = gunicorn master + {WEB_WORKERS} workers, the RQ workers (each forks a work-horse per job),"
        " the PostgreSQL backends of the benchmark's database and redis-server"
    )
    for row in rows:
        if row.figures and row.figures.errors:
            common = Counter(row.figures.errors).most_common(5)
            print(f"errors in {row.setup.label}: " + "; ".join(f"{count}x {message}" for message, count in common))
        if len(row.rounds) > 1:
            print(f"per round in {row.setup.label}: " + " ".join(f"{rate:.2f}" for rate in row.rounds) + " completions/s")
        if row.figures and row.figures.poll_ms:
            polls = row.figures.poll_ms
            print(
                f"status page in {row.setup.label}: {len(polls)} polls, p50 {statistics.median(polls):.0f} ms,"
                f" {sum(polls) / 1000 / row.elapsed:.2f} polls in flight on average"
            )
        if row.skipped:
            print(f"{row.setup.label} not measured: {row.skipped}")


def _interrupt(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")  # the clean-up in `measure` runs as for Ctrl-C


def run_row(setup: SetUp, services: Services, args: argparse.Namespace) -> Row:
    """One set-up measured once; a set-up that cannot start gives a row that says why."""
    if setup.rq_workers and services.missing:
        return Row(setup, skipped=services.missing)
    try:
        row = measure(setup, services, args.users, args.seconds, args.poll)
    except SetupError as error:
        print(f"  {setup.label}: not measured: {error}", flush=True)
        row = Row(setup, skipped=str(error).splitlines()[0])
    print(f"  {progress(row)}", flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60, help="run time per set-up (default 60)")
    parser.add_argument("--users", type=int, default=8, help="simulated users at once (default 8)")
    parser.add_argument(
        "--rounds", type=int, default=1, help="run the set-ups in turn this many times and pool the figures (default 1)"
    )
    parser.add_argument("--rows", default="embedded,rq1,rq2", help="which set-ups to run (default embedded,rq1,rq2)")
    parser.add_argument(
        "--poll",
        type=float,
        default=POLL_SECONDS,
        help=f"seconds between status-page polls (default {POLL_SECONDS}; a browser: 2)",
    )
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres", help="admin address")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379", help="Redis server (without a database number)")
    parser.add_argument("--redis-db", type=int, default=None, help="database number (default: an empty one, not 0 or 15)")
    args = parser.parse_args()
    wanted = [key.strip() for key in args.rows.split(",") if key.strip()]
    setups = [setup for setup in SETUPS if setup.key in wanted]
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)

    if importlib.util.find_spec("gunicorn") is None:
        sys.exit(f"gunicorn is not installed: {Path(sys.executable).parent}/pip install gunicorn (the bench extra)")
    services = connect_services(args) if any(setup.rq_workers for setup in setups) else Services()
    print(machine_line(services))
    print(
        f"gunicorn {WEB_WORKERS} workers on loopback in every set-up; {args.users} users, {args.seconds:.0f} s each"
        + (f", {args.rounds} rounds in turn" if args.rounds > 1 else "")
    )
    if services.missing:
        print(f"scale-out rows skipped: {services.missing}")
    results: dict[str, list[Row]] = {setup.key: [] for setup in setups}
    try:
        for round_number in range(1, args.rounds + 1):
            if args.rounds > 1:
                print(f"round {round_number} of {args.rounds}", flush=True)
            for setup in setups:
                results[setup.key].append(run_row(setup, services, args))
    except KeyboardInterrupt:
        print("\ninterrupted: everything started has been stopped; figures so far:")
    finally:
        if services.postgres:
            services.postgres.close()
    rows = [merge(setup, results[setup.key]) for setup in setups if results[setup.key]]
    print_report(rows, args.users, args.seconds * args.rounds, args.poll)


if __name__ == "__main__":
    main()

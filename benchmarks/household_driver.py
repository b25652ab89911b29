"""Shared driver for the household load benchmarks: simulated users over HTTP, gunicorn start/stop, RSS, percentiles.

A user starts the household check on the landing page, answers every page with random valid answers (forms parsed,
no cookies, `Sec-Fetch-Site: same-origin`), opens the summary and the result, and fetches the action-plan PDF.
The PDF is fetched the way a browser would in either set-up: in the embedded default the `.pdf` answers 200 at
once; with the RQ queue it answers 303 to the status page, which is polled until it sends the user back to the
`.pdf` (by a 303 or a meta refresh).

Used by load_household.py and scale_out.py; not a script of its own.
"""

from __future__ import annotations

import html
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECRET = "benchmark-secret-" + "h" * 40
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Accept-Language": "en"}
POLL_SECONDS = 0.25
"""How often a user asks the status page whether its PDF is ready, by default (a browser refreshes every 2 s)."""
PDF_READY_TIMEOUT = 90.0
"""A PDF not ready this long after it was first asked for counts as an error."""
RAISED_RATE_LIMITS = {
    # All simulated users share one loopback address: the per-address limits would measure the limiter instead.
    "PREPCHECK_RATE_LIMIT_PDF": "1000000 per minute",
    "PREPCHECK_RATE_LIMIT_RESUME": "1000000 per minute",
}


class SetupError(RuntimeError):
    """A set-up could not be started; the message says why (and shows the tail of the process's log)."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class _Form(HTMLParser):
    """The first POST form of a page (or the one with a given action): its action and its fields."""

    def __init__(self, action: str | None = None) -> None:
        super().__init__()
        self.wanted, self.inside, self.done = action, False, False
        self.action: str | None = None
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


def parse_form(page: str, action: str | None = None) -> _Form:
    parser = _Form(action)
    parser.feed(page)
    return parser


def fill(form: _Form, rng: random.Random, first_choice: bool = False) -> dict[str, list[str]]:
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


_REFRESH = re.compile(r"""<meta\s+http-equiv=["']refresh["']\s+content=["']([^"']*)["']""", re.IGNORECASE)


def _refresh_target(page: str) -> str | None:
    """Where a page's meta refresh leads: a path, '' for the page itself, or None when it has no refresh."""
    match = _REFRESH.search(page)
    if match is None:
        return None
    _delay, _, target = match.group(1).partition(";")
    target = target.strip()
    if target.lower().startswith("url="):
        return urllib.parse.urlsplit(html.unescape(target[4:].strip("'\" "))).path
    return ""


@dataclass
class Figures:
    """What the users of one run measured; every list is in milliseconds."""

    page_ms: list[float] = field(default_factory=list)
    """The journey's pages (landing, questions, summary, result): the same requests in every set-up."""
    pdf_request_ms: list[float] = field(default_factory=list)
    """Each request for the `.pdf` itself (in queue mode also the ones answered 303)."""
    poll_ms: list[float] = field(default_factory=list)
    """Each request for the PDF's status page (queue mode only)."""
    pdf_ready_ms: list[float] = field(default_factory=list)
    """From the first `.pdf` request to the PDF's bytes, per completed journey."""
    completions: int = 0
    pdfs: int = 0
    """How many of the completed journeys downloaded their plan."""
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


class User:
    """One simulated user: its own random answers (from `seed`), no cookies."""

    def __init__(
        self, base: str, figures: Figures, seed: int, poll_seconds: float = POLL_SECONDS, pdf_share: float = 1.0
    ) -> None:
        self.base, self.figures, self.rng = base, figures, random.Random(seed)
        self.poll_seconds = poll_seconds
        self.pdf_share = pdf_share

    def _request(
        self, path: str, form: dict[str, list[str]] | None = None, timings: list[float] | None = None
    ) -> tuple[int, str, bytes]:
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
            (self.figures.page_ms if timings is None else timings).append(elapsed)
        return status, urllib.parse.urlsplit(location).path, body

    def _expect(self, what: str, status: int, wanted: int) -> bool:
        if status != wanted:
            self.figures.error(f"{what}: {status}")
            return False
        return True

    def _answer_all(self, url: str) -> str | None:
        """Answer page after page from `url`; the address of the summary, or None after an error."""
        for _page in range(60):
            if url.endswith("/check-your-answers"):
                return url
            status, _, page = self._request(url)
            if not self._expect("page GET", status, 200):
                return None
            form = parse_form(page.decode())
            status, next_url, _ = self._request(form.action or url, self.answers_for(form))
            if status == 200:  # a random combination the page refused: send the first options instead
                status, next_url, _ = self._request(form.action or url, fill(form, self.rng, first_choice=True))
            if not self._expect("page POST", status, 303):
                return None
            url = next_url
        self.figures.error("journey: no summary after 60 pages")
        return None

    def answers_for(self, form: _Form) -> dict[str, list[str]]:
        """What this user sends on a page: random valid answers."""
        return fill(form, self.rng)

    def fetch_plan(self, journey: str) -> bytes | None:
        """The action plan of a completed journey (`/<questionnaire>/<response>`), as a browser would get it.

        The `.pdf` answers the PDF, or 303 to the status page; the status page answers 303 to the `.pdf`, or 200
        with a meta refresh (to itself while the plan is being prepared, or to the `.pdf` once it is ready).
        """
        pdf_path, status_path = f"{journey}/action-plan.pdf", f"{journey}/action-plan"
        started = time.perf_counter()
        path, last = pdf_path, "nothing"
        while time.perf_counter() - started < PDF_READY_TIMEOUT:
            timings = self.figures.pdf_request_ms if path == pdf_path else self.figures.poll_ms
            status, location, body = self._request(path, timings=timings)
            last = f"{'pdf' if path == pdf_path else 'status page'} {status}"
            if path == pdf_path and status == 200:
                return self._ready(body, started)
            if status == 303 and location in (pdf_path, status_path):
                path = location
            elif path == status_path and status == 200:
                target = _refresh_target(body.decode(errors="replace"))
                if target is None:
                    self.figures.error("pdf status: 200 without a refresh")
                    return None
                if target != pdf_path:  # still being prepared: ask again after the driver's interval
                    time.sleep(self.poll_seconds)
                path = target or status_path
            else:
                what = "pdf" if path == pdf_path else "pdf status"
                self.figures.error(f"{what}: {status}" + (" (render failed)" if status == 503 else ""))
                return None
        self.figures.error(f"pdf: not ready after {PDF_READY_TIMEOUT:.0f} s (last: {last})")
        return None

    def _ready(self, body: bytes, started: float) -> bytes | None:
        with self.figures.lock:
            self.figures.pdf_ready_ms.append((time.perf_counter() - started) * 1000)
        if body.startswith(b"%PDF"):
            return body
        self.figures.error("pdf: 200 but not a PDF")
        return None

    def journey(self) -> None:
        status, _, landing = self._request("/")
        if not self._expect("landing", status, 200):
            return
        start = parse_form(landing.decode(), "/household/start")
        status, url, _ = self._request("/household/start", fill(start, self.rng))
        if not self._expect("start", status, 303):
            return
        summary = self._answer_all(url)
        if summary is None:
            return
        status, _, _ = self._request(summary)
        if not self._expect("check your answers", status, 200):
            return
        status, _, _ = self._request(summary.replace("check-your-answers", "your-result"))
        if not self._expect("result", status, 200):
            return
        downloads = self.rng.random() < self.pdf_share
        if downloads and self.fetch_plan(summary.rsplit("/", 1)[0]) is None:
            return
        with self.figures.lock:
            self.figures.completions += 1
            self.figures.pdfs += downloads

    def run(self, until: float, stop: threading.Event | None = None) -> None:
        while time.monotonic() < until and not (stop and stop.is_set()):
            try:
                self.journey()
            except Exception as error:  # a broken connection or a timeout counts as an error, and the user goes on
                self.figures.error(f"{type(error).__name__}: {error}")


def run_users(
    base: str,
    users: int,
    seconds: float,
    seed_offset: int = 0,
    poll_seconds: float = POLL_SECONDS,
    pdf_share: float = 1.0,
    stop: threading.Event | None = None,
) -> tuple[Figures, float]:
    """`users` users at once for `seconds` (each finishes the journey it is in); the figures and the time taken.

    A share `pdf_share` of the journeys downloads the plan at the end; the others stop at the result page.
    Setting `stop` ends the run early (each user finishes the journey it is in).
    """
    figures, stop = Figures(), stop or threading.Event()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=User(base, figures, seed_offset + seed, poll_seconds, pdf_share).run, args=(until, stop), daemon=True
        )
        for seed in range(users)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            while thread.is_alive():
                thread.join(timeout=0.5)  # short joins: Ctrl-C reaches the main thread
    finally:
        stop.set()
    return figures, time.monotonic() - started


def warm_up(base: str, journeys: int) -> Figures:
    """A few journeys at once (seeds of their own), so that every web and PDF process has started and imported."""
    figures = Figures()
    threads = [threading.Thread(target=User(base, figures, -seed).journey, daemon=True) for seed in range(1, journeys + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(timeout=0.5)
    return figures


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return children


def _rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else 0.0


def processes_rss_mb(trees: Iterable[int], single: Iterable[int] = ()) -> tuple[float, int]:
    """The summed RSS (MB) of the process trees under `trees` plus the `single` processes, and how many processes."""
    children = _children_map()
    seen: set[int] = set()
    total, todo = 0.0, list(trees)
    while todo:
        pid = todo.pop()
        rss = _rss_mb(pid) if pid not in seen else None
        if rss is None:
            continue
        seen.add(pid)
        total += rss
        todo.extend(children.get(pid, []))
    for pid in single:
        rss = _rss_mb(pid) if pid not in seen else None
        if rss is not None:
            seen.add(pid)
            total += rss
    return total, len(seen)


_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU time of one process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS


def cpu_by_depth(root_pid: int) -> list[float]:
    """CPU seconds so far of a process tree, by depth: [the root, its children, their children, ...].

    Under gunicorn that is [master, web workers, PDF render processes]; a process that exited is not counted.
    """
    children = _children_map()
    depths: list[float] = []
    level = [root_pid]
    while level:
        depths.append(sum(_cpu_seconds(pid) for pid in level))
        level = [child for pid in level for child in children.get(pid, [])]
    return depths


def tree_rss_mb(root_pid: int) -> tuple[float, int]:
    """The summed RSS (MB) of a process and all its descendants, and how many processes that is."""
    return processes_rss_mb([root_pid])


class PeakRss:
    """Samples the summed RSS of a set-up's processes in the background; keeps the peak (and its process count)."""

    def __init__(self, trees: Callable[[], list[int]], single: Callable[[], list[int]] = list, every: float = 0.5) -> None:
        self.trees, self.single, self.every = trees, single, every
        self.peak_mb, self.processes = 0.0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _sample(self) -> None:
        try:
            rss, count = processes_rss_mb(self.trees(), self.single())
        except Exception:  # a sample lost to a process or connection going away is not worth a failed run
            return
        if rss > self.peak_mb:
            self.peak_mb, self.processes = rss, count

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self._sample()

    def __enter__(self) -> PeakRss:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sample()


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def base_environment(instance: Path) -> dict[str, str]:
    """This process's environment without any PREPCHECK_* set-up of its own, plus the benchmark's settings."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith("PREPCHECK_")}
    return {
        **environment,
        "PREPCHECK_INSTANCE_PATH": str(instance),
        "PREPCHECK_SECRET_KEY": SECRET,
        **RAISED_RATE_LIMITS,
    }


def start_process(argv: list[str], environment: Mapping[str, str], cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    """Start a process in a session of its own (so that stop_process ends its children too), output to `log`."""
    with log.open("ab") as output:
        return subprocess.Popen(
            argv, env=dict(environment), cwd=cwd, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def start_gunicorn(
    port: int, workers: int, environment: Mapping[str, str], cwd: Path, log: Path, app: str = "prepcheck:create_app()"
) -> subprocess.Popen[bytes]:
    """gunicorn serving the app on loopback: the way a single machine runs prepcheck behind a proxy."""
    argv = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    return start_process([*argv, "--log-level", "warning", "--timeout", "120", app], environment, cwd, log)


def stop_process(process: subprocess.Popen[bytes], grace: float = 20.0) -> None:
    """SIGTERM to the process's whole session, SIGKILL to what is left after `grace` seconds."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sent)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
        try:  # the leader is gone; children of the session may linger
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return


def log_tail(log: Path, lines: int = 15) -> str:
    try:
        text = log.read_text(errors="replace").strip().splitlines()
    except OSError:
        return "(no log)"
    return "\n".join("    " + line for line in text[-lines:]) or "    (empty log)"


def wait_ready(base: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 90.0) -> None:
    """Wait until /readyz answers 200; SetupError if the server exits or never gets there."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SetupError(f"the web server exited with {process.returncode}\n{log_tail(log)}")
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2):  # noqa: S310 - loopback
                return
        except OSError:
            time.sleep(0.2)
    raise SetupError(f"the web server was not ready after {timeout:.0f} s:\n{log_tail(log)}")

"""Prints the CPU cost of action-plan PDFs exactly as the web app makes them, next to a floor, with pages per plan.

Plans: the household fixture, 20 random households (seeded), the household worst case (the answers that give the
longest plan), the business fixture and the business worst case. Each is stored as a finished check in a web app
with PREPCHECK_PUBLIC_URL set and turned into its plan by the download's own code (`plan_order` under a
request: the real re-check link with the answers after '#', the sources link), in Dutch; then this process renders
it and measures `time.process_time()` around `html_to_pdf`: core-seconds, whatever else the machine is doing.

The floor is the same plan's text as plain paragraphs in the same fonts on the same number of pages: what the
words cost, so the rest is what the layout costs.

Run: .venv/bin/python benchmarks/pdf_render.py [--renders 3] [--seed 16]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flask import Flask  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from prepcheck import create_app  # noqa: E402
from prepcheck.engine import Questionnaire  # noqa: E402
from prepcheck.report.html import render_report_html  # noqa: E402
from prepcheck.report.pdf import html_to_pdf  # noqa: E402
from prepcheck.services import LANGUAGE_PREFIX_KEY, services_of  # noqa: E402
from prepcheck.store import ResponseDocument  # noqa: E402
from prepcheck.web.journey import Unfinished, finished_journey  # noqa: E402
from prepcheck.web.plan_pdf import plan_order  # noqa: E402
from tests.support.plan_answers import random_answers, worst_case_answers  # noqa: E402

LANGUAGE = "nl"
SITE = "https://zelftest.example.nl"
ANSWERS = ROOT / "tests" / "fixtures" / "answers"
RANDOM_HOUSEHOLDS = 20
# (group, core-seconds at p50, core-seconds at worst, times the floor, pages)
TARGETS = {
    "household": (0.3, 0.6, 3.0, 4),
    "household worst case": (0.6, 0.6, 3.0, 4),
    "business": (0.6, 0.6, 3.0, 8),
}
FLOOR_FONT_SIZES = (10, 9, 8, 7, 6)
"""The floor's text shrinks through these sizes (pt) until it takes as many pages as the plan."""


@dataclass(frozen=True)
class Measured:
    """One plan: its median render cost, its floor's, and its pages."""

    name: str
    seconds: float
    floor_seconds: float
    pages: int

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_seconds


def cpu_seconds(renders: list[Callable[[], object]], count: int) -> list[float]:
    """The median CPU time of `count` renders of each, in this process, taken in turns (so load hits all alike).

    A full garbage collection runs before each render, outside the timing: otherwise the one that Python starts
    now and then lands, render after render, on whichever plan happens to allocate at that moment.
    """
    durations: list[list[float]] = [[] for _ in renders]
    for _ in range(count):
        for render, spent in zip(renders, durations, strict=True):
            gc.collect()
            started = time.process_time()
            render()
            spent.append(time.process_time() - started)
    return [statistics.median(spent) for spent in durations]


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def floor_html(pages: list[str], font_size: float) -> str:
    """The plan's text, line by line as plain paragraphs, one section (so one page) per page of the plan."""
    style = f"<style>section {{ break-before: page; }} p {{ margin: 0; font-size: {font_size}pt; line-height: 1.2; }}</style>"
    sections = "".join(
        "<section>" + "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip()) + "</section>"
        for text in pages
    )
    return f"<!doctype html><html lang='{LANGUAGE}'><head><title>floor</title>{style}</head><body>{sections}</body></html>"


def floor_for(pages: list[str]) -> str:
    """The floor document in the largest of FLOOR_FONT_SIZES that takes as many pages as the plan."""
    for font_size in FLOOR_FONT_SIZES:
        floor = floor_html(pages, font_size)
        if len(page_texts(html_to_pdf(floor))) == len(pages):
            return floor
    raise RuntimeError(f"the floor does not fit on {len(pages)} pages even at {FLOOR_FONT_SIZES[-1]} pt")


def plan_html(app: Flask, questionnaire: Questionnaire, answers: dict[str, Any]) -> str:
    """The plan's HTML exactly as a download in the web app makes it: the answers stored, then the download's code."""
    document = ResponseDocument(questionnaire.id, questionnaire.version, LANGUAGE).with_answers(answers)
    response_id = services_of(app).responses.create(document).response_id
    path = f"/{questionnaire.id}/{response_id}/action-plan.pdf"
    with app.test_request_context(path, environ_overrides={LANGUAGE_PREFIX_KEY: LANGUAGE}, base_url=SITE):
        order = plan_order(finished_journey(questionnaire.id, response_id, Unfinished.NOT_FOUND))
        return render_report_html(order.request, order.questionnaire)


def measure(name: str, html: str, renders: int) -> Measured:
    pages = page_texts(html_to_pdf(html))
    floor = floor_for(pages)
    plan_seconds, floor_seconds = cpu_seconds([lambda: html_to_pdf(html), lambda: html_to_pdf(floor)], renders)
    return Measured(name, plan_seconds, floor_seconds, len(pages))


def report(group: str, plans: list[Measured]) -> None:
    p50_target, worst_target, ratio_target, pages_target = TARGETS[group]
    seconds = [plan.seconds for plan in plans]
    ratios = [plan.ratio for plan in plans]
    pages = sorted({plan.pages for plan in plans})
    print(
        f"{group} ({len(plans)} plan{'s' if len(plans) > 1 else ''}): "
        f"p50 {statistics.median(seconds):.3f} core-s, worst {max(seconds):.3f} core-s "
        f"(targets {p50_target} / {worst_target}); "
        f"{statistics.median(ratios):.1f}x the floor, worst {max(ratios):.1f}x (target <= {ratio_target:g}x); "
        f"pages {'-'.join(str(count) for count in (pages[0], pages[-1]) if count) if len(pages) > 1 else pages[0]} "
        f"(target <= {pages_target})"
    )
    # Every plan of a small group; of a large one, the slowest and the one furthest above its floor.
    shown = plans if len(plans) <= 3 else [max(plans, key=lambda plan: plan.seconds), max(plans, key=lambda plan: plan.ratio)]
    for plan in dict.fromkeys(shown):
        print(f"  {plan.name}: {plan.seconds:.3f} core-s, floor {plan.floor_seconds:.3f}, {plan.ratio:.1f}x, {plan.pages} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--renders", type=int, default=3, help="renders per plan; its median counts (default 3)")
    parser.add_argument("--seed", type=int, default=16, help="seed of the random households (default 16)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as instance:
        app = create_app(instance_path=Path(instance), public_url=SITE)
        household = services_of(app).questionnaires["household"]
        business = services_of(app).questionnaires["business"]
        generator = random.Random(args.seed)
        households = [("fixture", json.loads((ANSWERS / "household_family.json").read_text(encoding="utf-8")))]
        households += [(f"random {index + 1}", random_answers(household, generator)) for index in range(RANDOM_HOUSEHOLDS)]
        plans = {
            "household": [(name, plan_html(app, household, answers)) for name, answers in households],
            "household worst case": [("worst case", plan_html(app, household, worst_case_answers(household)))],
            "business": [
                ("fixture", plan_html(app, business, json.loads((ANSWERS / "business_photonics.json").read_text("utf-8")))),
                ("worst case", plan_html(app, business, worst_case_answers(business))),
            ],
        }

    html_to_pdf(plans["household"][0][1])  # builds the shared stylesheet and fonts once, as a worker does at start
    for group, htmls in plans.items():
        report(group, [measure(name, html, args.renders) for name, html in htmls])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this render process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()

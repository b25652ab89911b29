"""Prints PDF render times (p50/p95) for the household and business plans next to a one-page floor document,
the peak memory of a render process, and the cost of a cached download.

Run: .venv/bin/python benchmarks/pdf_render.py [--renders 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from prepcheck.engine import assess, load_questionnaire  # noqa: E402
from prepcheck.report.cache import PdfCache  # noqa: E402
from prepcheck.report.html import render_report_html  # noqa: E402
from prepcheck.report.pdf import html_to_pdf  # noqa: E402
from prepcheck.report.service import PlanService  # noqa: E402

FLOOR = "<!doctype html><html lang='en'><head><title>floor</title></head><body><h1>One page</h1><p>Text.</p></body></html>"
PLANS = {"household": "household_family.json", "business": "business_photonics.json"}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(render: object, count: int) -> list[float]:
    durations = []
    for _ in range(count):
        started = time.perf_counter()
        render()  # type: ignore[operator]
        durations.append(time.perf_counter() - started)
    return durations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--renders", type=int, default=20)
    args = parser.parse_args()

    html_to_pdf(FLOOR)  # builds the shared CSS and fonts once, as a worker does at start
    floor = timed(lambda: html_to_pdf(FLOOR), args.renders)
    floor_p50 = statistics.median(floor)
    print(f"floor (one-page document): p50 {floor_p50 * 1000:.0f} ms, p95 {percentile(floor, 0.95) * 1000:.0f} ms")

    for questionnaire_id, answers_file in PLANS.items():
        questionnaire = load_questionnaire(ROOT / "questionnaires" / f"{questionnaire_id}.yaml")
        answers = json.loads((ROOT / "tests" / "fixtures" / "answers" / answers_file).read_text())
        assessment = assess(questionnaire, answers)
        service = PlanService(cache=PdfCache())
        request = service.request_for(questionnaire, assessment, "en", created=dt.date(2026, 11, 28))
        html = render_report_html(request, questionnaire)
        durations = timed(lambda: html_to_pdf(html), args.renders)  # noqa: B023
        p50 = statistics.median(durations)
        pages = len(PdfReader(BytesIO(html_to_pdf(html))).pages)
        print(
            f"{questionnaire_id} plan: p50 {p50 * 1000:.0f} ms, p95 {percentile(durations, 0.95) * 1000:.0f} ms, "
            f"{p50 / floor_p50:.1f}x the floor (targets: p50 <= 500 ms and <= 6x); {pages} pages"
        )
        service.pdf(questionnaire, request)
        cached = timed(
            lambda service=service, questionnaire=questionnaire, assessment=assessment: service.pdf(
                questionnaire, service.request_for(questionnaire, assessment, "en", created=dt.date(2026, 11, 28))
            ),
            200,
        )
        print(
            "  cached download (presenting + hashing + cache hit): "
            f"p50 {statistics.median(cached) * 1000:.2f} ms (target <= 10 ms)"
        )

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this render process after {3 * args.renders + 400} renders: {peak_mb:.0f} MB (target <= 200 MB)")


if __name__ == "__main__":
    main()

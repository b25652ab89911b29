"""Two web processes and one RQ worker on PostgreSQL and Redis: a household check, every request on the other process."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.queue.queue_browsing import follow_download, household_check
from tests.queue.queue_processes import Process, Site, start_worker

# Not marked `database`: it uses PostgreSQL itself, so the PostgreSQL pass would only repeat it.
pytestmark = pytest.mark.slow


def test_a_household_check_alternating_between_two_web_processes_gets_the_pdf_the_worker_made(
    site: tuple[Site, dict[str, str], list[Process]], tmp_path: Path
) -> None:
    browser, environment, _ = site
    journey = household_check(browser)
    result = browser.request(f"{journey}/your-result")
    assert result.status == 200
    code = BeautifulSoup(result.text, "html5lib").select_one(".resume-code").get_text(strip=True)
    link = BeautifulSoup(result.text, "html5lib").find("a", href=re.compile(r"action-plan\.pdf$"))
    assert link["href"] == f"{journey}/action-plan.pdf"

    asked = browser.request(link["href"])
    assert asked.status == 303 and asked.location == f"{journey}/action-plan"
    waiting = browser.request(asked.location)  # no worker yet: the plan waits
    assert waiting.status == 200
    assert "Your action plan is being prepared" in waiting.text

    worker = start_worker(environment, tmp_path / "worker.log")
    try:
        pdf, _ = follow_download(browser, link["href"])
    finally:
        worker.stop()
    assert pdf is not None
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) >= 2
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    # The plan may hang on a fridge: it must not open, change or delete the answers, so it has no resume code.
    assert code not in text
    assert "plan rendered" in worker.output()  # made by the worker, not by a web process
    assert len(set(browser.served_by)) == 2
    assert all(one != next_one for one, next_one in zip(browser.served_by, browser.served_by[1:]))
    again = browser.request(link["href"])  # a second download comes from Redis, on either process
    assert again.status == 200 and again.body == pdf
    assert code not in worker.output() and journey.rsplit("/", 1)[1] not in worker.output()

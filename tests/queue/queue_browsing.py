"""A cookie-less, script-less browser's way through the household check and the plan's download over HTTP."""

from __future__ import annotations

import time

from bs4 import BeautifulSoup

from tests.queue.queue_processes import Site, first_choices


def household_check(site: Site) -> str:
    """Start on the landing page and answer every page of the household check; the journey's base path."""
    landing = site.request("/")
    assert landing.status == 200
    action, form = first_choices(landing.text, "/household/start")
    started = site.request(action, form)
    assert started.status == 303, started.status
    url = started.location
    for _ in range(100):
        if url.endswith("/check-your-answers"):
            break
        page = site.request(url)
        assert page.status == 200, (url, page.status)
        action, form = first_choices(page.text)
        sent = site.request(action, form)
        assert sent.status == 303, (url, sent.status, sent.text[:500])
        url = sent.location
    assert url.endswith("/check-your-answers"), url
    assert site.request(url).status == 200
    return url.removesuffix("/check-your-answers")


def heading(html: str) -> str:
    return BeautifulSoup(html, "html5lib").find("h1").get_text(strip=True)


def follow_download(
    site: Site, url: str, seconds: float = 60, *, stop_on_failure: bool = False
) -> tuple[bytes | None, list[str]]:
    """Follow the download as a browser would: 303s, the status page each time it refreshes itself (2 s), and the
    ready page's immediate refresh to the PDF.

    The PDF and the headings seen on the way; with `stop_on_failure`, None and the headings at the failure page.
    """
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answer = site.request(url)
        if answer.status == 200 and answer.content_type == "application/pdf":
            return answer.body, seen
        if answer.status == 303:
            url = answer.location
            continue
        seen.append(heading(answer.text))
        if answer.status == 503 and stop_on_failure:
            return None, seen
        assert answer.status == 200, (url, answer.status, seen)
        refresh = BeautifulSoup(answer.text, "html5lib").find("meta", attrs={"http-equiv": "refresh"})
        if refresh["content"].startswith("0; url="):  # the ready page: it starts the download at once
            url = refresh["content"].removeprefix("0; url=")
            continue
        assert refresh["content"] == "2"
        time.sleep(2)
    raise AssertionError(f"no PDF within {seconds} s; last seen: {seen[-3:]}")

"""Drives the journey in a real browser the way a person would: buttons, radios, boxes and fields."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest


def start(page: Any, base_url: str, questionnaire_id: str) -> None:
    page.goto(base_url + "/")
    # Wait for the first page, so that the caller never fills in the landing page (a race on a loaded machine).
    with page.expect_navigation():
        page.click(f"form[action='/{questionnaire_id}/start'] button")


def fill_and_continue(page: Any, answers: Mapping[str, Any]) -> None:
    """Fill in the page's fields and press Continue."""
    for name, value in answers.items():
        if isinstance(value, list):
            for item in value:
                page.check(f"input[name='{name}'][value='{item}']")
        elif page.locator(f"input[type=radio][name='{name}']").count():
            page.check(f"input[name='{name}'][value='{value}']")
        else:
            page.fill(f"[name='{name}']", value)
    # Wait for the next page, so that the caller never fills in the page it is leaving.
    with page.expect_navigation():
        page.click("form button[type=submit]")


def screenshot(page: Any, name: str) -> None:
    """With PREPCHECK_SCREENSHOTS=folder set, keep a desktop and a 360 px picture of the page."""
    folder = os.environ.get("PREPCHECK_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size
    page.screenshot(path=str(Path(folder) / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 360, "height": 740})
    page.screenshot(path=str(Path(folder) / f"{name}-360.png"), full_page=True)
    page.set_viewport_size(viewport)


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _chromium() -> str:
    """Debian's chromium; never a downloaded browser. Missing: skip locally, fail under CI."""
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path is None:
        reason = "chromium is not installed (run PREPCHECK_WITH_BROWSER=1 scripts/bootstrap)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path

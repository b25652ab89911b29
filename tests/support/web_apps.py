"""The app the web tests drive: the test questionnaires, a fresh instance folder, every page checked."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from flask import Flask

from prepcheck import create_app
from prepcheck.report.cache import PdfCache
from prepcheck.report.renderers import InProcessPlans
from prepcheck.report.service import PlanService
from prepcheck.services import Services, install_services, services_of
from tests.support.page_conventions import CheckedClient
from tests.support.paths import TEST_QUESTIONNAIRES

RENDER_SECONDS = 300.0
"""Long enough for any plan on a loaded test machine."""


def checked_app(instance_path: Path, **overrides: Any) -> Flask:
    """An app on the test questionnaires whose test client checks every page; `overrides` replace settings."""
    application = create_app(instance_path=instance_path, **{"questionnaire_dir": TEST_QUESTIONNAIRES, **overrides})
    application.config["TESTING"] = True
    application.test_client_class = CheckedClient
    return application


def swap_services(application: Flask, **changes: Any) -> Services:
    """Give the app a copy of its services with some replaced (a renderer that fails, no questionnaires)."""
    changed = replace(services_of(application), **changes)
    install_services(application, changed)
    return changed


def render_plans_in_process(application: Flask) -> PlanService:
    """Plans made in this process, without a render pool to start for a test; the plan service, to break it.

    A download waits for its plan however long it takes (a test's first render also loads WeasyPrint), so these
    tests see the PDF itself; tests of the status page give InProcessPlans the web's own wait.
    """
    service = PlanService(cache=PdfCache())
    swap_services(application, plans=InProcessPlans(service, wait_seconds=RENDER_SECONDS))
    return service

"""A render pool for tests whose renders wait at a gate: a slow plan, released when the test says so."""

from __future__ import annotations

import threading
from typing import Any

from flask import Flask

from prepcheck.report.cache import PdfCache
from prepcheck.report.renderers import InProcessPlans
from prepcheck.report.service import PlanService
from prepcheck.report.workers import RenderError, RenderPool
from tests.support.web_apps import swap_services

GATE_SECONDS = 120.0
"""A gate never opened ends the render anyway, so that a failing test cannot hang."""


class GatedPool(RenderPool):
    """Renders in this process, each only once the gate is open (and fails then while `failing`); counts renders."""

    def __init__(self) -> None:
        super().__init__(size=1)
        self.gate = threading.Event()
        self.failing = False
        self.renders = 0

    def render(self, html: str, extra_assets: Any = None, timeout: float | None = None) -> bytes:
        from prepcheck.report.pdf import html_to_pdf

        self.renders += 1
        self.gate.wait(GATE_SECONDS)
        if self.failing:
            raise RenderError("the PDF worker stopped unexpectedly")
        return html_to_pdf(html, extra_assets)


def gated_plans(application: Flask) -> GatedPool:
    """The app's plans made in the default way (the web's own wait) through a gated pool; the pool."""
    pool = GatedPool()
    swap_services(application, plans=InProcessPlans(PlanService(pool=pool, cache=PdfCache())))
    return pool

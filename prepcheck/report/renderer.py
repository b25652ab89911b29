"""What the web and the API ask of whoever makes action-plan PDFs, in this process or through a queue."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from prepcheck.engine import Questionnaire
from prepcheck.report.html import ReportRequest


class PlanUnavailable(RuntimeError):
    """The plan cannot be made at this moment (a broken render, Redis not answering); the answers are untouched."""


class PlanState(enum.Enum):
    READY = "ready"
    PENDING = "pending"
    FAILED = "failed"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class PlanOrder:
    """One plan to make: what it shows, its questionnaire, and the tenant's files it prints (its logo)."""

    questionnaire: Questionnaire
    request: ReportRequest
    assets: dict[str, Path] | None = None


class PlanRenderer(Protocol):
    """Makes plans; every method raises PlanUnavailable when it cannot answer now."""

    def pdf(self, order: PlanOrder, *, retry: bool = False) -> bytes | None:
        """The PDF when it is ready (in this process: within a moment); else None, once it is being made.

        `retry` replaces a plan that failed to be made; without it a failed plan is not made again at once (queue
        mode: None, the status page says it failed; in this process: PlanUnavailable, and the next try makes it).
        """
        ...

    def wait(self, order: PlanOrder, seconds: float) -> bytes | None:
        """The PDF, waiting up to `seconds` for it; None when it is not ready by then (it stays asked for)."""
        ...

    def state(self, order: PlanOrder) -> PlanState:
        """How the plan stands; MISSING when no one has asked for it (here: in this process) lately."""
        ...

    def readiness(self) -> dict[str, str]:
        """For /readyz: each service the renderer depends on, 'ok' or 'unreachable' (none in this process)."""
        ...

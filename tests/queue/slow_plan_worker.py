"""Test only: `prepcheck worker` whose jobs first sleep, so that a test can kill it while a job is started.

Run as `python -m slow_plan_worker` with this folder on PYTHONPATH. The work-horse that RQ forks for a job looks
the job's function up by name in the module, so replacing it here (before the worker starts) slows every job.
"""

from __future__ import annotations

import os
import time
from typing import Any

import prepcheck.report.jobs
from prepcheck.cli import main

SECONDS = float(os.environ.get("SLOW_PLAN_SECONDS", "120"))
_render_plan = prepcheck.report.jobs.render_plan


def slow_render_plan(*args: Any) -> int:
    time.sleep(SECONDS)
    return _render_plan(*args)


prepcheck.report.jobs.render_plan = slow_render_plan  # type: ignore[assignment]

if __name__ == "__main__":
    main(["worker"])

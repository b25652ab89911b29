"""Several processes starting at once on a new database (gunicorn workers without --preload) all come up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.database

ROOT = Path(__file__).resolve().parents[2]
START = """
import sys
from datetime import timedelta
from prepcheck.store import ResponseStore
ResponseStore(sys.argv[1], b"p" * 32, timedelta(days=30))
"""


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(3))
def test_processes_racing_to_create_the_tables_all_start(tmp_path: Path, round_: int) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    processes = [subprocess.Popen([sys.executable, "-c", START, url], cwd=ROOT, stderr=subprocess.PIPE) for _ in range(6)]
    failures = [process.stderr.read().decode()[-300:] for process in processes if process.wait(timeout=60) != 0]  # type: ignore[union-attr]
    assert not failures, failures

"""Several processes starting at once on a new database (gunicorn workers) migrate it once and all come up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from prepcheck.store.schema import head_revision
from prepcheck.store.tables import make_engine

pytestmark = pytest.mark.database

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 6
START = """
import sys
from datetime import timedelta
from prepcheck.store import ResponseStore
ResponseStore(sys.argv[1], b"p" * 32, timedelta(days=30))
"""


@pytest.mark.slow
def test_processes_starting_at_once_on_a_new_database_all_start(empty_database_url: str) -> None:
    processes = [
        subprocess.Popen([sys.executable, "-c", START, empty_database_url], cwd=ROOT, stderr=subprocess.PIPE)
        for _ in range(PROCESSES)
    ]
    failures = [process.stderr.read().decode()[-400:] for process in processes if process.wait(timeout=120) != 0]  # type: ignore[union-attr]
    assert not failures, failures
    engine = make_engine(empty_database_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head_revision()]
    engine.dispose()

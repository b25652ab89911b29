"""Store fixtures: an empty database of each kind, SQLite and PostgreSQL, for the tests of migrations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new SQLite file, or a new PostgreSQL database dropped afterwards (skipped locally when unreachable)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    databases = request.getfixturevalue("postgres_databases")
    url = databases.create("prepcheck_empty")
    try:
        yield url
    finally:
        databases.drop(url)


@pytest.fixture()
def database_url(suite_database: str | None, tmp_path: Path) -> str:
    """The database of this pass: a new SQLite file, or the PostgreSQL pass's database (emptied before each test)."""
    return suite_database or f"sqlite:///{tmp_path / 'db.sqlite3'}"

"""The lock that lets one process at a time migrate a database: an advisory lock on PostgreSQL, a file lock on SQLite."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, func, select
from sqlalchemy.engine import URL

POSTGRES_LOCK_KEY = 0x70726570636B  # "prepck" in ASCII: one fixed advisory-lock key for prepcheck's migrations


def sqlite_file(url: URL) -> str | None:
    """The database file of a SQLite URL; None for an in-memory database or another dialect."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or url.query.get("mode") == "memory" or database.startswith("file::memory:"):
        return None
    return database.removeprefix("file:")


@contextmanager
def migration_lock(connection: Connection) -> Iterator[None]:
    """Hold the migration lock of the connection's database while the block runs; other processes wait for it."""
    if connection.dialect.name == "postgresql":
        with _advisory_lock(connection):
            yield
        return
    path = sqlite_file(connection.engine.url)
    if path is None:
        # In-memory SQLite belongs to this process alone; other dialects rely on their transactional DDL.
        yield
        return
    with open(f"{path}.migration-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _advisory_lock(connection: Connection) -> Iterator[None]:
    connection.execute(select(func.pg_advisory_lock(POSTGRES_LOCK_KEY)))
    connection.commit()
    try:
        yield
    except BaseException:
        # The lock belongs to the session: closing it releases the lock whatever state its transaction is in,
        # whereas a pooled connection would keep it and make every other process wait for ever.
        connection.invalidate()
        raise
    connection.execute(select(func.pg_advisory_unlock(POSTGRES_LOCK_KEY)))
    connection.commit()

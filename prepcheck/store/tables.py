"""The SQLAlchemy table of responses and the engine set-up (SQLite in WAL mode by default).

The tables are made and changed by the migrations in prepcheck/store/migrations (see prepcheck.store.schema).
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, DateTime, Engine, LargeBinary, String, Text, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """The declarative base of prepcheck's tables."""


class ResponseRow(Base):
    """One response: hashes of its id and resume code, the sealed id, and the document (None once expired)."""

    __tablename__ = "responses"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    resume_key: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    sealed_id: Mapped[bytes | None] = mapped_column(LargeBinary(128))
    document: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, index=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers go on while one writer writes; NORMAL is safe with WAL and much faster than FULL.
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "busy_timeout=5000", "synchronous=NORMAL", "foreign_keys=ON"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _create_private(database: str | None) -> None:
    """Create a SQLite database file for its owner only; SQLite gives its WAL and index files the same mode."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    # If it cannot be made here, SQLite cannot make it either and says so when it connects.
    with contextlib.suppress(OSError):
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite connections get WAL, a busy timeout and synchronous=NORMAL."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _create_private(engine.url.database)
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def safe_url(url: str) -> str:
    """The database URL as it may be shown: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1]


def error_line(error: Exception) -> str:
    """What the database (or the file system) said, in one line, for the operator."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    return (str(cause).strip().splitlines() or [type(cause).__name__])[0]


class NotWritable(RuntimeError):
    """The database answers, but takes no writes."""


def write_probe(connection: Connection) -> None:
    """A write that changes nothing, for readiness; raises when the database no longer takes writes.

    SQLite rewrites its header (with the user_version it already has), which needs room in the WAL: a full disk or
    a read-only file fails it. PostgreSQL is asked whether this transaction may write (a standby, or a server that
    its operator or host made read-only as its disk filled, says no), then gives the transaction an id, so that
    its commit is written to the WAL.
    """
    if connection.dialect.name == "sqlite":
        version = int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())
        connection.exec_driver_sql(f"PRAGMA user_version = {version}")
    elif connection.dialect.name == "postgresql":
        if connection.execute(text("SELECT current_setting('transaction_read_only')")).scalar_one() == "on":
            raise NotWritable("the transaction is read-only")
        connection.execute(text("SELECT txid_current()"))
    else:
        connection.execute(text("SELECT 1"))

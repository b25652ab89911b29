"""The SQLAlchemy table of responses and the engine set-up (SQLite in WAL mode by default).

The tables are made and changed by the migrations in prepcheck/store/migrations (see prepcheck.store.schema).
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Engine, LargeBinary, String, Text, create_engine, event
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

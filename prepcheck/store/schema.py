"""The database schema: which migration a database is at, and bringing it to the newest one with Alembic."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, MetaData, inspect, text

from prepcheck.config import StartupError
from prepcheck.store import statistics as _statistics  # noqa: F401 - puts check_statistics on Base.metadata
from prepcheck.store.migration_lock import migration_lock
from prepcheck.store.tables import Base

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
TARGET_METADATA: MetaData = Base.metadata
VERSION_TABLE = "alembic_version"
BASELINE = "0001"
BASELINE_TABLES = frozenset({"responses", "check_statistics"})
"""The tables `create_all` made before migrations existed; revision BASELINE creates exactly these."""
UPGRADE_COMMAND = "prepcheck db upgrade"


class DatabaseNotCurrent(StartupError):
    """The database is not at the newest migration, and this process may not or cannot bring it there."""


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """Alembic's configuration, built in code: prepcheck's migrations, and the connection (or URL) to run them on."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    # Handing over the open connection keeps prepcheck's engine set-up (SQLite pragmas) and the migration lock.
    config.attributes["connection"] = connection
    return config


_REVISION_LINE = re.compile(r'^(revision|down_revision)\s*(?::[^=]*)?=\s*(None|"([^"]+)"|\'([^\']+)\')\s*$', re.MULTILINE)


@cache
def _revisions() -> tuple[str, frozenset[str]]:
    return read_revisions(MIGRATIONS_DIR / "versions")


def read_revisions(versions: Path) -> tuple[str, frozenset[str]]:
    """The newest migration and all known ones, read from the migration files' own `revision` lines.

    Read directly rather than through Alembic: importing Alembic costs every process about 0.2 s at start, and it is
    only needed when a database must actually be migrated. A test checks this agrees with Alembic's own reading.
    """
    parents: dict[str, str | None] = {}
    for script in sorted(versions.glob("*.py")):
        found = {match[0]: match[2] or match[3] or None for match in _REVISION_LINE.findall(script.read_text("utf-8"))}
        revision = found.get("revision")
        if revision is None:
            raise RuntimeError(f"{script} has no revision line")
        parents[revision] = found.get("down_revision")
    heads = set(parents) - {parent for parent in parents.values() if parent is not None}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations in {versions} need exactly one newest revision, not {sorted(heads)}")
    return heads.pop(), frozenset(parents)


def head_revision() -> str:
    """The newest migration this version of prepcheck has (read once per process)."""
    return _revisions()[0]


def recorded_revision(connection: Connection) -> str | None:
    """The migration the database says it is at; None when it has no migration history."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()  # noqa: S608 - a constant


def current_revision(engine: Engine) -> str | None:
    """The migration the database at `engine` is at; None when it has none."""
    with engine.connect() as connection:
        return recorded_revision(connection)


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _refuse_unknown(engine: Engine, revision: str | None) -> None:
    if revision is not None and revision not in _revisions()[1]:
        raise DatabaseNotCurrent(
            f"The database {_where(engine)} is at migration {revision}, which this version of prepcheck does not know "
            "(a newer version migrated it): run that version, or restore the backup made before its migration."
        )


def _made_before_migrations(engine: Engine, connection: Connection) -> bool:
    """Whether the database holds the tables of the baseline but no migration history (made by `create_all`)."""
    present = BASELINE_TABLES & set(inspect(connection).get_table_names())
    if present and present != BASELINE_TABLES:
        raise DatabaseNotCurrent(
            f"The database {_where(engine)} has the table(s) {', '.join(sorted(present))} but not "
            f"{', '.join(sorted(BASELINE_TABLES - present))}, and no migration history: it was not made by prepcheck. "
            "Point PREPCHECK_DATABASE_URL at prepcheck's own database, or at an empty one."
        )
    return bool(present)


def upgrade(engine: Engine) -> str | None:
    """Migrate the database to the newest migration, one process at a time; return the migration it was at before.

    A database made before migrations existed is first stamped at the baseline, so its data stays as it is.
    """
    from alembic import command

    with engine.connect() as connection, migration_lock(connection):
        before = recorded_revision(connection)
        _refuse_unknown(engine, before)
        if before != head_revision():
            config = alembic_config(connection)
            if before is None and _made_before_migrations(engine, connection):
                command.stamp(config, BASELINE)
            command.upgrade(config, "head")
        connection.commit()
    return before


def prepare(engine: Engine, auto_migrate: bool = True) -> None:
    """Make sure the database is at the newest migration before it is used: migrate it, or refuse when not allowed to."""
    current = current_revision(engine)
    if current != head_revision():
        _refuse_unknown(engine, current)
        if not auto_migrate:
            state = "has no tables yet" if current is None else f"is at migration {current}, not {head_revision()}"
            raise DatabaseNotCurrent(
                f"The database {_where(engine)} {state}, and PREPCHECK_AUTO_MIGRATE is off: run `{UPGRADE_COMMAND}` first."
            )
        upgrade(engine)
    # Pooled connections must not be inherited by forked worker processes (gunicorn --preload).
    engine.dispose()

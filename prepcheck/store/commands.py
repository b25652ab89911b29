"""The `prepcheck db` commands: migrate the configured database, and show which migration it is at."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn, TypeVar

import click
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from prepcheck.config import settings_from_env
from prepcheck.store.schema import UPGRADE_COMMAND, DatabaseNotCurrent, current_revision, head_revision, upgrade
from prepcheck.store.tables import error_line, make_engine

T = TypeVar("T")
# ImportError: the URL names a driver that is not installed; OSError: a SQLite folder that cannot be made or locked.
DATABASE_ERRORS = (SQLAlchemyError, DatabaseNotCurrent, ImportError, OSError)


@click.group("db")
def db() -> None:
    """The database: bring it to the newest migration, or show which one it is at."""


def _fail(error: Exception, where: str) -> NoReturn:
    """Print why the database could not be used, in one line, and exit 1."""
    click.echo(f"Error: cannot use the database {where}: {error_line(error)}", err=True)
    sys.exit(1)


def _on_configured_database(action: Callable[[Engine], T]) -> T:
    """Run `action` on the database the app would use (PREPCHECK_DATABASE_URL, else its SQLite file)."""
    from prepcheck.config import database_url

    settings = settings_from_env()
    engine: Engine | None = None
    try:
        engine = make_engine(database_url(settings))
        return action(engine)
    except DATABASE_ERRORS as error:
        if engine is not None:
            _fail(error, f"at {engine.url.render_as_string(hide_password=True)}")
        _fail(error, "in PREPCHECK_DATABASE_URL" if settings.database_url else "in the instance folder")
    finally:
        if engine is not None:
            engine.dispose()


@db.command("upgrade")
def db_upgrade() -> None:
    """Migrate the configured database to the newest migration (a release step when PREPCHECK_AUTO_MIGRATE=0)."""
    before = _on_configured_database(upgrade)
    head = head_revision()
    if before == head:
        click.echo(f"the database is already at the newest migration, {head}")
    else:
        click.echo(f"migrated the database from {before or 'empty'} to {head}")


@db.command("current")
def db_current() -> None:
    """Print the migration the configured database is at, and whether it is the newest; exit 1 when it is not."""
    current = _on_configured_database(current_revision)
    head = head_revision()
    if current == head:
        click.echo(f"{current} (at head)")
        return
    click.echo(f"{current or 'none'} (not at head {head}: run `{UPGRADE_COMMAND}`)")
    sys.exit(1)

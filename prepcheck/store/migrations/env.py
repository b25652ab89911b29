"""Alembic's environment for prepcheck: runs the migrations on the connection prepcheck hands over.

Run by the `alembic` command itself (to write a new migration), it uses the configured database, as
`prepcheck db upgrade` does: PREPCHECK_DATABASE_URL, else the SQLite file in the instance folder.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection

from prepcheck.store.migration_lock import migration_lock
from prepcheck.store.schema import TARGET_METADATA
from prepcheck.store.tables import make_engine


def _configured_url() -> str:
    url = context.config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from prepcheck.config import database_url, settings_from_env

    return database_url(settings_from_env())


def _migrate(connection: Connection | None = None) -> None:
    context.configure(
        connection=connection,
        url=None if connection is not None else _configured_url(),
        literal_binds=connection is None,
        target_metadata=TARGET_METADATA,
        # SQLite alters little in place: autogenerate writes batch operations, which PostgreSQL runs as plain ALTERs.
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run() -> None:
    if context.is_offline_mode():
        _migrate()
        return
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    if context.config.config_file_name is not None:
        fileConfig(context.config.config_file_name, disable_existing_loggers=False)
    engine = make_engine(_configured_url())
    try:
        with engine.connect() as own, migration_lock(own):
            _migrate(own)
            own.commit()
    finally:
        engine.dispose()


_run()

"""Shared fixtures: an app with its own instance folder, a test client, and the database of the PostgreSQL pass.

`scripts/test` runs the suite twice. The second time PREPCHECK_TEST_DATABASE=postgresql: only the tests marked
`database` run (the store, its races, migrations, statistics and whole journeys), and every app they create (in this
process or in a subprocess) uses one PostgreSQL database made for the run, emptied before each test. The rest of the
suite never reaches the database engine, so a second pass would only repeat it.

Browser tests (tests/browser and every *_browser.py) are marked `slow` too; `scripts/test --fast` leaves out `slow`.
Hypothesis runs 25 examples per property, 150 under CI=true (the profiles below).
"""

from __future__ import annotations

import gc
import io
import logging
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, settings
from sqlalchemy import URL, Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from prepcheck import create_app
from prepcheck.logs import JsonLines
from prepcheck.store.schema import TARGET_METADATA, upgrade
from prepcheck.store.tables import make_engine
from tests.support.page_conventions import CheckedClient
from tests.support.template_code import SharedTemplateCode

POSTGRES_PASS = os.environ.get("PREPCHECK_TEST_DATABASE", "sqlite") == "postgresql"
UNDER_CI = os.environ.get("CI") == "true"

settings.register_profile("dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if UNDER_CI else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
POSTGRES_ADMIN_URL = os.environ.get("PREPCHECK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
"""A PostgreSQL role that may create databases; the tests make and drop their own."""
MAX_LEFTOVER_CONNECTIONS = 40
"""Apps of finished tests keep pooled connections until they are garbage; past this many, collect them."""


class PostgresDatabases:
    """Makes and drops uniquely named PostgreSQL databases for tests."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = make_url(admin_url)
        self._engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})

    def unreachable(self) -> str | None:
        """None when PostgreSQL answers, else why not (one line)."""
        try:
            with self._engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except (SQLAlchemyError, ImportError) as error:
            detail = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            return f"PostgreSQL at {self.admin_url.render_as_string()} is not reachable: {detail}"
        return None

    def create(self, prefix: str = "prepcheck_test") -> str:
        """A new empty database; its URL."""
        name = f"{prefix}_{secrets.token_hex(6)}"
        with self._engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        return self._url(name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Drop the database, closing what is still connected to it."""
        with self._engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))

    def _url(self, database: str) -> URL:
        return self.admin_url.set(database=database)

    def dispose(self) -> None:
        self._engine.dispose()


def _require(databases: PostgresDatabases) -> None:
    """Skip the test when PostgreSQL is unreachable; under CI that is a failure."""
    reason = databases.unreachable()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases]:
    """Temporary PostgreSQL databases for tests that need PostgreSQL in either pass (skipped when unreachable)."""
    databases = PostgresDatabases(POSTGRES_ADMIN_URL)
    try:
        _require(databases)
        yield databases
    finally:
        databases.dispose()


def pytest_configure(config: pytest.Config) -> None:
    """Register `sqlite_only`; in the PostgreSQL pass, stop at once when PostgreSQL is unreachable (skipped locally,
    failed under CI)."""
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): asserts what only SQLite has (its file, WAL); runs on the SQLite default in both passes",
    )
    config.addinivalue_line(
        "markers", "database: exercises the store on the database engine; the only tests the PostgreSQL pass runs"
    )
    if not POSTGRES_PASS:
        return
    databases = PostgresDatabases(POSTGRES_ADMIN_URL)
    reason = databases.unreachable()
    databases.dispose()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.exit(f"PostgreSQL pass failed: {reason}", returncode=1)
    pytest.exit(f"PostgreSQL pass skipped: {reason}", returncode=0)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark browser tests slow; in the PostgreSQL pass keep only the tests marked `database`."""
    for item in items:
        path = item.path
        if "browser" in path.parts or path.stem.endswith("_browser"):
            item.add_marker(pytest.mark.slow)
    if not POSTGRES_PASS:
        return
    kept = [item for item in items if item.get_closest_marker("database") is not None]
    config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker("database") is None])
    items[:] = kept


@pytest.fixture(scope="session", autouse=True)
def shared_start_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One start-up cache for every app of the run, also those in subprocesses: the questionnaires' reachability
    search then runs once per file, not once per process."""
    folder = tmp_path_factory.mktemp("start-cache")
    environment = pytest.MonkeyPatch()
    environment.setenv("PREPCHECK_CACHE_DIR", str(folder))
    yield folder
    environment.undo()


@pytest.fixture(scope="session", autouse=True)
def shared_template_code() -> Iterator[SharedTemplateCode]:
    """One store of compiled page templates for every app made in this process: each template compiles once per run,
    not once per test's app."""
    cache = SharedTemplateCode()
    options = pytest.MonkeyPatch()
    options.setattr(Flask, "jinja_options", {**Flask.jinja_options, "bytecode_cache": cache})
    yield cache
    options.undo()


@pytest.fixture(scope="session", autouse=True)
def suite_database() -> Iterator[str | None]:
    """The PostgreSQL pass's database, migrated, for the whole run (session-scoped apps use it too); else None."""
    if not POSTGRES_PASS:
        yield None
        return
    databases = PostgresDatabases(POSTGRES_ADMIN_URL)
    url = databases.create("prepcheck_suite")
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    environment = pytest.MonkeyPatch()
    environment.setenv("PREPCHECK_DATABASE_URL", url)
    try:
        yield url
    finally:
        environment.undo()
        databases.drop(url)
        databases.dispose()


@pytest.fixture(scope="session")
def _suite_connection(suite_database: str | None) -> Iterator[Connection | None]:
    """One connection to the suite's database that empties it between tests."""
    if suite_database is None:
        yield None
        return
    engine = create_engine(suite_database, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        # A test that left a transaction open would make the emptying wait for ever; fail it instead.
        connection.execute(text("SET lock_timeout = '10s'"))
        yield connection
    engine.dispose()


def _leftover_connections(connection: Connection) -> int:
    return int(
        connection.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        ).scalar_one()
    )


@pytest.fixture(autouse=True)
def clean_database(
    request: pytest.FixtureRequest,
    suite_database: str | None,
    _suite_connection: Connection | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In the PostgreSQL pass: every app the test creates uses the suite's database, emptied before the test."""
    if suite_database is None or _suite_connection is None:
        return
    if request.node.get_closest_marker("sqlite_only") is not None:
        monkeypatch.delenv("PREPCHECK_DATABASE_URL")
        return
    monkeypatch.setenv("PREPCHECK_DATABASE_URL", suite_database)
    if _leftover_connections(_suite_connection) > MAX_LEFTOVER_CONNECTIONS:
        gc.collect()
    # DELETE, not TRUNCATE or a database per test: on these few small tables it is the fastest (see docs/database.md).
    for table in reversed(TARGET_METADATA.sorted_tables):
        _suite_connection.execute(table.delete())


@pytest.fixture()
def log_lines() -> Iterator[io.StringIO]:
    """What prepcheck logs during the test, as the JSON lines production writes."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLines())
    logger = logging.getLogger("prepcheck")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    """The app on its embedded defaults, with a fresh instance folder per test; its test client checks every HTML
    page it receives against the page conventions (tests/support/page_conventions.py)."""
    application = create_app(instance_path=tmp_path / "instance")
    application.config["TESTING"] = True
    application.test_client_class = CheckedClient
    yield application


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()

"""Queue-mode fixtures: an app on a Redis database of its own and a cookie-less client that checks every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.queue.queue_processes import Process, Site, site_environment, start_web
from tests.queue.queue_redis import claimed_database
from tests.queue.queue_steps import queue_mode_app


@pytest.fixture()
def redis_url() -> Iterator[str]:
    with claimed_database() as url:
        yield url


@pytest.fixture()
def app(tmp_path: Path, redis_url: str) -> Flask:
    return queue_mode_app(tmp_path / "instance", redis_url)


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    """No cookies at all: queue mode must work without them too."""
    return app.test_client(use_cookies=False)


@pytest.fixture()
def site(tmp_path: Path, postgres_databases: Any) -> Iterator[tuple[Site, dict[str, str], list[Process]]]:
    """Two web processes (`prepcheck serve`, each with an instance folder of its own) on one new PostgreSQL
    database (from the suite's `postgres_databases`), one Redis database and one secret; a browser that alternates
    between them; the shared environment."""
    processes: list[Process] = []
    database_url = postgres_databases.create("prepcheck_queue")
    try:
        with claimed_database() as redis_url:
            bases = []
            for number in (1, 2):  # one after the other: the first creates the tables
                environment = site_environment(tmp_path / f"instance{number}", database_url, redis_url)
                process, base = start_web(environment, tmp_path / f"web{number}.log")
                processes.append(process)
                bases.append(base)
            yield Site(bases), environment, processes
    finally:
        for process in processes:
            process.stop()
        postgres_databases.drop(database_url)

"""Storage that fails: a read-only instance folder stops the start with one clear line; a full disk makes /readyz 503."""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from prepcheck import create_app
from prepcheck.services import services_of
from prepcheck.store.tables import make_engine
from tests.conftest import PostgresDatabases
from tests.support.filesystems import fill, read_only_folder, small_disk
from tests.support.paths import TEST_QUESTIONNAIRES

ROOT = Path(__file__).resolve().parents[2]


def serve(instance: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """`prepcheck serve` on the instance folder, as the README's command runs it."""
    return subprocess.run(
        [sys.executable, "-m", "prepcheck.cli", "serve", "--port", "0"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PREPCHECK_INSTANCE_PATH": str(instance), **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_read_only_instance_folder_stops_the_start_with_one_line_naming_it(tmp_path: Path) -> None:
    with read_only_folder(tmp_path / "instance") as instance:
        result = serve(instance)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr[-2000:]
    assert result.stderr.startswith(f"Error: the instance folder {instance} cannot be written")
    assert "PREPCHECK_INSTANCE_PATH" in result.stderr


def test_with_a_key_set_the_read_only_folder_is_named_as_the_databases_problem(tmp_path: Path) -> None:
    with read_only_folder(tmp_path / "instance") as instance:
        result = serve(instance, PREPCHECK_SECRET_KEY=secrets.token_urlsafe(48))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr[-2000:]
    assert result.stderr.startswith("Error: cannot open the database sqlite:///") and str(instance) in result.stderr


@pytest.mark.sqlite_only("a read-only SQLite connection is what this checks")
def test_not_ready_when_the_database_answers_but_accepts_no_write(tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path / "instance", questionnaire_dir=TEST_QUESTIONNAIRES)
    store = services_of(app).responses
    file = make_url(str(store.engine.url)).database
    store.engine.dispose()
    store.engine = make_engine(f"sqlite:///file:{file}?mode=ro&uri=true")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.data)["checks"]["database"] == "not writable"


@pytest.mark.sqlite_only("the SQLite file on a disk of its own is what this checks")
def test_not_ready_while_the_disk_is_full_and_ready_again_once_there_is_room(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        app = create_app(instance_path=disk / "instance", questionnaire_dir=TEST_QUESTIONNAIRES)
        client: FlaskClient = app.test_client()
        try:
            assert client.get("/readyz").status_code == 200
            filler = fill(disk)
            full = client.get("/readyz")
            assert full.status_code == 503
            assert json.loads(full.data)["checks"]["database"] == "not writable"
            assert client.get("/healthz").status_code == 200
            filler.unlink()
            assert client.get("/readyz").status_code == 200
        finally:
            services_of(app).responses.engine.dispose()


def test_not_ready_when_postgresql_takes_no_writes(tmp_path: Path, postgres_databases: PostgresDatabases) -> None:
    url = postgres_databases.create()
    try:
        app = create_app(instance_path=tmp_path / "instance", questionnaire_dir=TEST_QUESTIONNAIRES, database_url=url)
        store = services_of(app).responses
        assert app.test_client().get("/readyz").status_code == 200
        store.engine.dispose()
        # What a standby server, or a database switched to read-only, does with every transaction.
        store.engine = create_engine(url, connect_args={"options": "-c default_transaction_read_only=on"})
        response = app.test_client().get("/readyz")
        assert response.status_code == 503
        assert json.loads(response.data)["checks"]["database"] == "not writable"
        store.engine.dispose()
    finally:
        postgres_databases.drop(url)

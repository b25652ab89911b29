"""What prepcheck writes on disk (the instance folder, the SQLite database and its WAL, the key) only its owner can read."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from prepcheck import create_app
from tests.support.web_journey import start


@pytest.fixture()
def usual_umask() -> Iterator[None]:
    """The umask of most servers and desktops (022): without care, new files would be readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.sqlite_only("the SQLite file and its WAL are what this checks")
def test_the_instance_folder_database_and_key_are_for_the_owner_only(tmp_path: Path, usual_umask: None) -> None:
    instance = tmp_path / "instance"
    app = create_app(instance_path=instance)
    start(app.test_client(use_cookies=False), "household")  # a stored check: the WAL and its index exist
    assert mode(instance) == 0o700
    written = [instance / name for name in ("prepcheck.sqlite3", "prepcheck.sqlite3-wal", "prepcheck.sqlite3-shm", "secret_key")]
    assert [path.name for path in written if not path.exists()] == []
    assert {path.name: oct(mode(path)) for path in written if mode(path) & 0o077} == {}


@pytest.mark.sqlite_only("the SQLite file is what this checks")
def test_a_sqlite_database_named_in_its_url_is_for_the_owner_only(tmp_path: Path, usual_umask: None) -> None:
    database = tmp_path / "elsewhere.sqlite3"
    create_app(instance_path=tmp_path / "instance", database_url=f"sqlite:///{database}")
    assert mode(database) == 0o600


def test_a_folder_the_operator_made_keeps_its_permissions(tmp_path: Path, usual_umask: None) -> None:
    instance = tmp_path / "instance"
    instance.mkdir(mode=0o750)
    create_app(instance_path=instance)
    assert mode(instance) == 0o750

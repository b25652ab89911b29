"""The app migrates its database when it starts, unless PREPCHECK_AUTO_MIGRATE=0: then it refuses an old one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from prepcheck import create_app
from prepcheck.config import settings_from_env
from prepcheck.services import services_of
from prepcheck.store import ResponseStore, schema
from prepcheck.store.schema import DatabaseNotCurrent, current_revision, head_revision, upgrade
from prepcheck.store.tables import make_engine

pytestmark = pytest.mark.database


def test_auto_migrate_is_on_unless_the_environment_turns_it_off() -> None:
    assert settings_from_env({}).auto_migrate is True
    assert settings_from_env({"PREPCHECK_AUTO_MIGRATE": "0"}).auto_migrate is False
    assert settings_from_env({"PREPCHECK_AUTO_MIGRATE": "false"}).auto_migrate is False
    assert settings_from_env({"PREPCHECK_AUTO_MIGRATE": "1"}).auto_migrate is True


def test_the_app_migrates_a_new_database_when_it_starts(empty_database_url: str, tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path, database_url=empty_database_url)
    assert current_revision(services_of(app).responses.engine) == head_revision()
    services_of(app).responses.engine.dispose()


def test_without_auto_migrate_an_old_database_stops_the_app_naming_the_command(empty_database_url: str, tmp_path: Path) -> None:
    with pytest.raises(DatabaseNotCurrent, match=r"has no tables yet.*PREPCHECK_AUTO_MIGRATE is off.*`prepcheck db upgrade`"):
        create_app(instance_path=tmp_path, database_url=empty_database_url, auto_migrate=False)
    engine = make_engine(empty_database_url)
    assert current_revision(engine) is None  # left as it was
    engine.dispose()


def test_without_auto_migrate_the_app_starts_on_a_migrated_database(empty_database_url: str, tmp_path: Path) -> None:
    engine = make_engine(empty_database_url)
    upgrade(engine)
    engine.dispose()
    app = create_app(instance_path=tmp_path, database_url=empty_database_url, auto_migrate=False)
    assert app.test_client().get("/readyz").status_code == 200
    services_of(app).responses.engine.dispose()


def test_starting_on_a_database_at_head_runs_no_migration(empty_database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ResponseStore(empty_database_url, b"p" * 32, timedelta(days=30)).engine.dispose()

    def no_migration(_engine: object) -> None:
        raise AssertionError("a migration ran")

    monkeypatch.setattr(schema, "upgrade", no_migration)
    ResponseStore(empty_database_url, b"p" * 32, timedelta(days=30)).engine.dispose()

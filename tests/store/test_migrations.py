"""The schema comes from Alembic migrations: they build exactly the models, and adopt databases made before them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, insert, select, text

from prepcheck.store import ResponseDocument, ResponseStore
from prepcheck.store.schema import (
    MIGRATIONS_DIR,
    TARGET_METADATA,
    DatabaseNotCurrent,
    current_revision,
    head_revision,
    read_revisions,
    upgrade,
)
from prepcheck.store.statistics import CheckFigures, StatisticsStore
from prepcheck.store.tables import ResponseRow, make_engine

pytestmark = pytest.mark.database

PEPPER = b"p" * 32
FIGURES = CheckFigures("proefdorp", "household", "2026-03", "prepared", (("water", "prepared"),), ("store_water",))


def differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), TARGET_METADATA))


def test_the_migrated_schema_is_exactly_the_models(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    upgrade(engine)
    assert differences(engine) == []
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_database_made_before_migrations_is_adopted_with_its_data(empty_database_url: str, tmp_path: Path) -> None:
    # A response saved by a migrated store elsewhere, copied row for row into a database made by create_all.
    source = ResponseStore(f"sqlite:///{tmp_path / 'source.sqlite3'}", PEPPER, timedelta(days=30))
    saved = source.create(ResponseDocument("household", 1, "nl", {"adults": 2}))
    with source.engine.connect() as connection:
        row = dict(connection.execute(select(ResponseRow.__table__)).one()._mapping)
    legacy = make_engine(empty_database_url)
    TARGET_METADATA.create_all(legacy)
    with legacy.begin() as connection:
        connection.execute(insert(ResponseRow.__table__).values(**row))
    StatisticsStore(legacy).add(FIGURES)
    assert current_revision(legacy) is None

    store = ResponseStore(empty_database_url, PEPPER, timedelta(days=30))

    assert current_revision(store.engine) == head_revision()
    assert store.load(saved.response_id).document.answers == {"adults": 2}
    assert StatisticsStore(store.engine).counts("proefdorp", "2026-01", "2026-12")[("household", "checks", "", "")] == 1
    assert differences(store.engine) == []
    for engine in (source.engine, legacy, store.engine):
        engine.dispose()


def test_a_database_with_only_some_of_the_tables_is_refused_not_guessed_at(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    ResponseRow.__table__.create(engine)  # type: ignore[attr-defined]
    with pytest.raises(DatabaseNotCurrent, match="check_statistics"):
        upgrade(engine)
    engine.dispose()


def test_upgrading_a_database_at_head_changes_nothing(empty_database_url: str) -> None:
    store = ResponseStore(empty_database_url, PEPPER, timedelta(days=30))
    saved = store.create(ResponseDocument("household", 1, "nl", {"adults": 1}))
    assert upgrade(store.engine) == head_revision()
    assert store.load(saved.response_id).document.answers == {"adults": 1}
    store.engine.dispose()


def test_a_database_migrated_by_a_newer_version_is_refused_with_what_to_do(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    with pytest.raises(DatabaseNotCurrent, match=r"f00d.*does not know"):
        ResponseStore(empty_database_url, PEPPER, timedelta(days=30))
    engine.dispose()


def test_the_newest_migration_read_at_start_is_the_one_alembic_reads() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    assert read_revisions(MIGRATIONS_DIR / "versions") == (
        scripts.get_current_head(),
        frozenset(script.revision for script in scripts.walk_revisions()),
    )


def _migration(folder: Path, revision: str, down_revision: str | None) -> None:
    down = "None" if down_revision is None else f'"{down_revision}"'
    (folder / f"{revision}_step.py").write_text(
        f'revision: str = "{revision}"\ndown_revision: str | None = {down}\n', encoding="utf-8"
    )


def test_a_later_migration_becomes_the_newest(tmp_path: Path) -> None:
    _migration(tmp_path, "0001", None)
    _migration(tmp_path, "0002", "0001")
    assert read_revisions(tmp_path) == ("0002", frozenset({"0001", "0002"}))


def test_two_migrations_from_the_same_parent_stop_the_start_with_both_named(tmp_path: Path) -> None:
    _migration(tmp_path, "0001", None)
    _migration(tmp_path, "0002", "0001")
    _migration(tmp_path, "0003", "0001")
    with pytest.raises(RuntimeError, match=r"exactly one newest revision, not \['0002', '0003'\]"):
        read_revisions(tmp_path)

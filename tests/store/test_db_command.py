"""`prepcheck db upgrade` migrates the configured database; `prepcheck db current` says where it stands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prepcheck import create_app
from prepcheck.cli import main
from prepcheck.services import services_of
from prepcheck.store.schema import head_revision

pytestmark = pytest.mark.database


def db(*args: str, **env: str) -> Result:
    return CliRunner().invoke(main, ["db", *args], env=env)


def test_upgrade_migrates_the_configured_database_and_current_then_says_it_is_at_head(empty_database_url: str) -> None:
    before = db("current", PREPCHECK_DATABASE_URL=empty_database_url)
    assert before.exit_code == 1
    assert before.stdout == f"none (not at head {head_revision()}: run `prepcheck db upgrade`)\n"

    upgraded = db("upgrade", PREPCHECK_DATABASE_URL=empty_database_url)
    assert upgraded.exit_code == 0, upgraded.output
    assert upgraded.stdout == f"migrated the database from empty to {head_revision()}\n"

    after = db("current", PREPCHECK_DATABASE_URL=empty_database_url)
    assert (after.exit_code, after.stdout) == (0, f"{head_revision()} (at head)\n")
    again = db("upgrade", PREPCHECK_DATABASE_URL=empty_database_url)
    assert (again.exit_code, again.stdout) == (0, f"the database is already at the newest migration, {head_revision()}\n")


def test_without_a_database_url_upgrade_migrates_the_sqlite_file_the_app_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PREPCHECK_DATABASE_URL", raising=False)
    monkeypatch.setenv("PREPCHECK_INSTANCE_PATH", str(tmp_path / "instance"))
    assert db("upgrade").exit_code == 0
    assert (tmp_path / "instance" / "prepcheck.sqlite3").is_file()
    app = create_app(auto_migrate=False)  # starts only on a database at head: the very one just migrated
    assert str(services_of(app).responses.engine.url) == f"sqlite:///{tmp_path / 'instance' / 'prepcheck.sqlite3'}"


@pytest.mark.parametrize("command", ["upgrade", "current"])
def test_an_unreachable_database_gives_one_clear_line_and_exit_1(command: str) -> None:
    result = db(command, PREPCHECK_DATABASE_URL="postgresql+psycopg://nobody:s3cret@127.0.0.1:1/none")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot use the database at postgresql+psycopg://nobody:***@127.0.0.1:1/none: ")
    assert "Connection refused" in result.stderr or "failed" in result.stderr
    assert "Traceback" not in result.output and "s3cret" not in result.output
    assert len(result.stderr.splitlines()) == 1


def test_a_malformed_database_url_is_named_as_the_problem() -> None:
    result = db("upgrade", PREPCHECK_DATABASE_URL="not a url")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot use the database in PREPCHECK_DATABASE_URL: ")
    assert len(result.stderr.splitlines()) == 1

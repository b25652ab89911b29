"""Responses expire after the retention period: purge wipes their answers, and the app purges on its own."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from prepcheck import create_app
from prepcheck.cli import main
from prepcheck.services import services_of
from prepcheck.store import ResponseDocument, ResponseExpired, ResponseStore
from prepcheck.store.retention import OpportunisticPurge

pytestmark = pytest.mark.database


class Clock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 12, 0)

    def __call__(self) -> datetime:
        return self.now


def test_expire_wipes_only_responses_past_retention(database_url: str) -> None:
    clock = Clock()
    store = ResponseStore(database_url, b"p" * 32, timedelta(days=30), clock)
    old = store.create(ResponseDocument("household", 1, "nl"))
    clock.now += timedelta(days=20)
    recent = store.create(ResponseDocument("household", 1, "nl"))
    clock.now += timedelta(days=11)
    assert store.expire() == 1
    with pytest.raises(ResponseExpired):
        store.load(old.response_id)
    assert store.load(recent.response_id).document.questionnaire_id == "household"


def test_the_purge_command_reports_what_it_wiped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREPCHECK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("PREPCHECK_RETENTION_DAYS", "0")
    store = services_of(create_app()).responses
    store.create(ResponseDocument("household", 1, "nl"))
    store.clock = lambda: datetime(2100, 1, 1)
    result = CliRunner().invoke(main, ["purge"])
    assert result.exit_code == 0
    assert result.stdout.startswith("purged ")


def test_the_app_purges_at_most_once_per_interval(tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path)
    calls: list[int] = []
    services_of(app).responses.expire = lambda: calls.append(1) or 0
    purge = OpportunisticPurge(lambda: services_of(app).responses, interval=3600)
    with app.test_request_context():
        purge()
        purge()
    assert calls == [1]

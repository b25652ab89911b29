"""A copy of the database alone reveals no answer, no response id and no resume code."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from prepcheck.store import ResponseDocument, ResponseNotFound, ResponseStore
from prepcheck.store.schema import TARGET_METADATA
from prepcheck.store.tables import ResponseRow

pytestmark = pytest.mark.database

ANSWERS = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "household_family.json").read_text())
PEPPER = b"p" * 32


def dump(store: ResponseStore) -> bytes:
    """Everything a thief with a copy of the database would have: a SQL dump of the SQLite file (and its WAL), or
    every row of every table."""
    url = store.engine.url
    if url.get_backend_name() == "sqlite":
        connection = sqlite3.connect(str(url.database))
        text = "\n".join(connection.iterdump())
        connection.close()
        return text.encode()
    with store.engine.connect() as connection:
        return repr([connection.execute(select(table)).all() for table in TARGET_METADATA.sorted_tables]).encode()


@pytest.fixture()
def store(database_url: str) -> ResponseStore:
    return ResponseStore(database_url, PEPPER, timedelta(days=30))


def test_the_database_holds_no_answer_id_or_code(store: ResponseStore) -> None:
    stored = store.create(ResponseDocument("household", 1, "nl").with_answers(ANSWERS))
    store.save(stored.response_id, stored.document.with_answers({**ANSWERS, "pets": 3, "care_needs_note": "oxygen"}))
    content = dump(store)
    for secret in (stored.response_id, stored.resume_code, "household_family", "oxygen", "powered_equipment", "no_radio"):
        assert secret.encode() not in content
    assert b'"answers"' not in content


def test_answers_come_back_with_the_response_id(store: ResponseStore) -> None:
    stored = store.create(ResponseDocument("household", 1, "nl").with_answers(ANSWERS))
    assert store.load(stored.response_id).document.answers == ANSWERS


def test_a_document_moved_to_another_row_cannot_be_read(store: ResponseStore) -> None:
    first = store.create(ResponseDocument("household", 1, "nl").with_answers(ANSWERS))
    second = store.create(ResponseDocument("household", 1, "nl"))
    with store.engine.begin() as connection:
        sealed = connection.execute(select(ResponseRow.document).where(ResponseRow.key == store._key(first.response_id))).scalar()
        connection.execute(update(ResponseRow).where(ResponseRow.key == store._key(second.response_id)).values(document=sealed))
    with pytest.raises(ResponseNotFound):
        store.load(second.response_id)


def test_another_server_secret_cannot_read_the_answers(store: ResponseStore, database_url: str) -> None:
    stored = store.create(ResponseDocument("household", 1, "nl").with_answers(ANSWERS))
    other = ResponseStore(database_url, b"q" * 32, timedelta(days=30))
    with pytest.raises(ResponseNotFound):
        other.load(stored.response_id)

"""A copy of the database alone reveals no answer, no response id and no resume code."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from prepcheck.store import ResponseDocument, ResponseNotFound, ResponseStore

ANSWERS = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "household_family.json").read_text())
PEPPER = b"p" * 32


def dump(database: Path) -> bytes:
    """Every byte a thief with the database file (and its WAL) would have, as a SQL dump."""
    connection = sqlite3.connect(database)
    text = "\n".join(connection.iterdump())
    connection.close()
    return text.encode()


@pytest.fixture()
def store(tmp_path: Path) -> ResponseStore:
    return ResponseStore(f"sqlite:///{tmp_path / 'db.sqlite3'}", PEPPER, timedelta(days=30))


def test_the_database_holds_no_answer_id_or_code(store: ResponseStore, tmp_path: Path) -> None:
    stored = store.create(ResponseDocument("household", 1, "nl").with_answers(ANSWERS))
    store.save(stored.response_id, stored.document.with_answers({**ANSWERS, "pets": 3, "care_needs_note": "oxygen"}))
    content = dump(tmp_path / "db.sqlite3")
    for secret in (stored.response_id, stored.resume_code, "household_family", "oxygen", "powered_equipment", "no_radio"):
        assert secret.encode() not in content
    assert b'"answers"' not in content


def test_answers_come_back_with_the_response_id(store: ResponseStore) -> None:
    stored = store.create(ResponseDocument("household", 1, "nl").with_answers(ANSWERS))
    assert store.load(stored.response_id).document.answers == ANSWERS


def test_a_document_moved_to_another_row_cannot_be_read(store: ResponseStore, tmp_path: Path) -> None:
    first = store.create(ResponseDocument("household", 1, "nl").with_answers(ANSWERS))
    second = store.create(ResponseDocument("household", 1, "nl"))
    connection = sqlite3.connect(tmp_path / "db.sqlite3")
    (sealed,) = connection.execute("select document from responses where key = ?", (store._key(first.response_id),)).fetchone()
    connection.execute("update responses set document = ? where key = ?", (sealed, store._key(second.response_id)))
    connection.commit()
    connection.close()
    with pytest.raises(ResponseNotFound):
        store.load(second.response_id)


def test_another_server_secret_cannot_read_the_answers(store: ResponseStore, tmp_path: Path) -> None:
    stored = store.create(ResponseDocument("household", 1, "nl").with_answers(ANSWERS))
    other = ResponseStore(f"sqlite:///{tmp_path / 'db.sqlite3'}", b"q" * 32, timedelta(days=30))
    with pytest.raises(ResponseNotFound):
        other.load(stored.response_id)

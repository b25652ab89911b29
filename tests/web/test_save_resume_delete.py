"""Answers are saved on every valid page under a hashed id, can be resumed by code, deleted, and expire."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck.services import services_of
from prepcheck.store import ResponseStore
from tests.support.web_journey import answer, error_messages, form_of, h1, response_id, soup, start

pytestmark = pytest.mark.database


def _store(app: Flask) -> ResponseStore:
    return services_of(app).responses  # type: ignore[no-any-return]


def _resume_code(client: FlaskClient, url: str) -> str:
    return soup(client.get(url)).select_one(".resume-code").get_text(strip=True)


def _resume(client: FlaskClient, code: str):  # type: ignore[no-untyped-def]
    page = client.get("/resume")
    action, hidden = form_of(page)
    return client.post(action, data={**hidden, "code": code})


def test_each_valid_page_is_saved_as_a_versioned_document(client: FlaskClient, app: Flask) -> None:
    first = start(client, "web_save_resume")
    answer(client, first, {"has_radio": "no"})
    document = _store(app).load(response_id(first)).document
    assert (document.questionnaire_id, document.questionnaire_version, document.language) == (
        "web_save_resume",
        1,
        "en",
    )
    assert document.answers == {"has_radio": "no"}
    assert document.revision == 1


@pytest.mark.sqlite_only("reads the SQLite file and its WAL as a thief with a copy of them would")
def test_the_database_keeps_only_a_hash_of_the_response_id(client: FlaskClient, app: Flask, tmp_path: Path) -> None:
    first = start(client, "web_save_resume")
    answer(client, first, {"has_radio": "yes"})
    database = tmp_path / "instance" / "prepcheck.sqlite3"
    rid = response_id(first)
    with sqlite3.connect(database) as connection:
        (key,) = connection.execute("select key from responses").fetchone()
        assert connection.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert len(key) == 64 and rid not in key
    assert rid.encode() not in b"".join(path.read_bytes() for path in database.parent.glob("prepcheck.sqlite3*"))


def test_every_journey_page_shows_a_resume_code_of_at_least_60_bits(client: FlaskClient) -> None:
    first = start(client, "web_save_resume")
    code = _resume_code(client, first)
    assert len(code.replace("-", "")) == 13  # 13 Crockford base32 characters: 65 bits
    assert soup(client.get(first)).select_one(".resume-box a[href$='/']")["href"] == first.rsplit("/", 1)[0] + "/"


def test_resuming_forgives_case_and_separators_and_goes_to_the_first_unanswered_page(client: FlaskClient) -> None:
    first = start(client, "web_save_resume")
    second = answer(client, first, {"has_radio": "yes"}).location
    code = _resume_code(client, second)
    typed = " ".join(code.replace("-", "").lower()[i : i + 3] for i in range(0, 13, 3))
    response = _resume(client, typed)
    assert response.status_code == 303
    assert client.get(response.location).location == second


def test_a_resume_code_nobody_has_is_an_error_on_the_form(client: FlaskClient) -> None:
    response = _resume(client, "0000-0000-00000")
    assert response.status_code == 200
    assert error_messages(response) == ["We could not find answers with this code. Check the code and try again"]
    assert soup(response).select_one("input#code")["value"] == "0000-0000-00000"


def test_a_malformed_or_empty_resume_code_is_explained(client: FlaskClient) -> None:
    assert error_messages(_resume(client, "abc"))[0].startswith("Enter the 13 letters and numbers")
    assert error_messages(_resume(client, "")) == ["Enter your resume code"]


def test_the_link_to_a_finished_response_goes_to_check_your_answers(client: FlaskClient) -> None:
    first = start(client, "web_save_resume")
    second = answer(client, first, {"has_radio": "yes"}).location
    answer(client, second, {"spare_batteries": "no"})
    assert client.get(first.rsplit("/", 1)[0] + "/").location.endswith("/check-your-answers")


def test_delete_my_answers_removes_the_response_at_once(client: FlaskClient, app: Flask) -> None:
    first = start(client, "web_save_resume")
    answer(client, first, {"has_radio": "yes"})
    code = _resume_code(client, first)
    delete_url = soup(client.get(first)).find("a", string="Delete my answers")["href"]
    confirmation = client.get(delete_url)
    assert h1(confirmation) == "Delete your answers?"
    action, hidden = form_of(confirmation)
    deleted = client.post(action, data=hidden)
    assert (deleted.status_code, h1(deleted)) == (200, "Your answers have been deleted")
    assert client.get(first).status_code == 404
    assert error_messages(_resume(client, code))[0].startswith("We could not find answers")


def test_a_response_not_touched_within_the_retention_period_expires_with_a_clear_page(client: FlaskClient, app: Flask) -> None:
    first = start(client, "web_save_resume")
    answer(client, first, {"has_radio": "yes"})
    code = _resume_code(client, first)
    store = _store(app)
    now = store.clock()
    store.clock = lambda: now + timedelta(days=30, minutes=1)
    response = client.get(first)
    assert (response.status_code, h1(response)) == (410, "Your answers have expired")
    assert _resume(client, code).status_code == 410
    assert client.get(first).status_code == 410  # the marker stays, the answers are gone


def test_a_response_touched_within_the_retention_period_is_kept(client: FlaskClient, app: Flask) -> None:
    first = start(client, "web_save_resume")
    store = _store(app)
    now = store.clock()
    store.clock = lambda: now + timedelta(days=29)
    assert client.get(first).status_code == 200


def test_expire_wipes_stale_answers_and_later_forgets_them(client: FlaskClient, app: Flask) -> None:
    first = start(client, "web_save_resume")
    store = _store(app)
    now = store.clock()
    store.clock = lambda: now + timedelta(days=31)
    assert store.expire() == 1
    assert client.get(first).status_code == 410
    store.clock = lambda: now + timedelta(days=61)
    store.expire()
    assert client.get(first).status_code == 404


def test_retention_days_come_from_the_settings(tmp_path: Path) -> None:
    from prepcheck import create_app

    app = create_app(instance_path=tmp_path, retention_days=7, questionnaire_dir=tmp_path)
    assert _store(app).retention == timedelta(days=7)


def test_any_sqlalchemy_url_can_be_used(tmp_path: Path) -> None:
    from prepcheck import create_app

    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    app = create_app(instance_path=tmp_path / "instance", database_url=url, questionnaire_dir=tmp_path)
    assert str(_store(app).engine.url) == url
    assert (tmp_path / "elsewhere.db").exists()

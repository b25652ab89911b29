"""/healthz says the process is up; /readyz says the database answers and questionnaires are loaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine

from prepcheck import create_app
from prepcheck.engine.questionnaires import QuestionnaireRegistry
from prepcheck.services import services_of
from tests.support.paths import TEST_QUESTIONNAIRES
from tests.support.web_apps import swap_services

pytestmark = pytest.mark.database


def test_ready_when_the_database_answers_and_questionnaires_are_loaded(client: FlaskClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert json.loads(response.data) == {"status": "ready", "checks": {"database": "ok", "questionnaires": "ok"}}
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/healthz").status_code == 200


def test_not_ready_when_the_database_does_not_answer(app: Flask, client: FlaskClient, tmp_path: Path) -> None:
    store = services_of(app).responses
    store.engine.dispose()
    store.engine = create_engine(f"sqlite:///{tmp_path / 'no-such-folder' / 'db.sqlite3'}")
    response = client.get("/readyz")
    assert response.status_code == 503
    body = json.loads(response.data)
    assert body == {"status": "not ready", "checks": {"database": "unreachable", "questionnaires": "ok"}}
    assert len(response.data) < 200
    assert client.get("/healthz").status_code == 200  # the process itself is still up


def test_not_ready_when_postgres_is_unreachable(tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path, questionnaire_dir=TEST_QUESTIONNAIRES)
    services_of(app).responses.engine = create_engine(
        "postgresql+psycopg://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 2}
    )
    assert app.test_client().get("/readyz").status_code == 503


def test_not_ready_without_questionnaires(app: Flask, client: FlaskClient) -> None:
    swap_services(app, questionnaires=QuestionnaireRegistry([]))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.data)["checks"]["questionnaires"] == "none loaded"


def test_not_ready_when_the_configured_redis_does_not_answer(tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path, questionnaire_dir=TEST_QUESTIONNAIRES, redis_url="redis://127.0.0.1:1/0")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.data)["checks"] == {"database": "ok", "redis": "unreachable", "questionnaires": "ok"}

"""Logs are JSON lines with a request id, and hold no IP address, response id, resume code or answer."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from flask import Flask

from prepcheck import create_app
from prepcheck.services import services_of
from tests.support.web_journey import start


@pytest.fixture()
def app(tmp_path: Path) -> Flask:
    return create_app(instance_path=tmp_path)


def test_each_request_is_one_json_line_with_its_id_and_route_name(app: Flask, log_lines: io.StringIO) -> None:
    response = app.test_client().get("/en/", environ_base={"REMOTE_ADDR": "203.0.113.7"})
    (line,) = [json.loads(text) for text in log_lines.getvalue().splitlines()]
    assert line["request_id"] == response.headers["X-Request-Id"]
    assert (line["method"], line["endpoint"], line["status"]) == ("GET", "landing.index", 200)
    assert "203.0.113.7" not in log_lines.getvalue()


def test_a_journey_leaves_no_response_id_code_or_answer_in_the_log(app: Flask, log_lines: io.StringIO) -> None:
    client = app.test_client(use_cookies=False)
    landing = client.get("/en/").get_data(as_text=True)
    token = re.search(r'action="/en/household/start".*?name="token" value="([^"]+)"', landing, re.S).group(1)
    first = client.post("/en/household/start", data={"token": token}, headers={"Sec-Fetch-Site": "same-origin"}).location
    response_id = first.split("/")[3]
    page = client.get(first).get_data(as_text=True)
    code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}", page).group(0)
    form_token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    client.post(first, data={"token": form_token, "place": "curacao"}, headers={"Sec-Fetch-Site": "same-origin"})
    text = log_lines.getvalue()
    assert len(text.splitlines()) == 4
    for secret in (response_id, code, code.replace("-", ""), "curacao", form_token):
        assert secret not in text


def test_a_server_error_on_a_journey_page_logs_its_route_and_error_type_but_never_the_id(
    app: Flask, log_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer 500, as in production, instead of raising into the test
    client = app.test_client(use_cookies=False)
    first = start(client, "household")
    response_id = first.split("/")[2]

    def full_disk(*_: object) -> None:
        raise sqlite3.OperationalError(f"database or disk is full while loading {response_id}")

    monkeypatch.setattr(services_of(app).responses, "load", full_disk)
    assert client.get(first).status_code == 500
    text = log_lines.getvalue()
    (error,) = [line for line in map(json.loads, text.splitlines()) if line["level"] == "error"]
    assert (error["endpoint"], error["error"], error["method"]) == ("questions.page", "OperationalError", "GET")
    assert error["request_id"]
    assert response_id not in text


def test_a_server_error_in_the_api_logs_its_route_and_error_type_only(
    app: Flask, log_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("secret answer: curacao")

    monkeypatch.setattr("prepcheck.api.routes.assess", broken)
    response = app.test_client().post("/api/v1/assessments", json={"questionnaire": "household", "answers": {}})
    assert response.status_code == 500
    (error,) = [line for line in map(json.loads, log_lines.getvalue().splitlines()) if line["level"] == "error"]
    assert (error["endpoint"], error["error"]) == ("api.create_assessment", "RuntimeError")
    assert "curacao" not in log_lines.getvalue() and "/api/v1" not in log_lines.getvalue()

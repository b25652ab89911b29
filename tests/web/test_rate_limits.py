"""Rate limits on resume-code lookups, PDF downloads (web and API) and admin log-ins: a clear 429, per address."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck import create_app
from prepcheck.config import settings_from_env
from tests.support.embed_setup import ADMIN_TOKEN, write_tenant
from tests.support.paths import TEST_QUESTIONNAIRES
from tests.support.web_apps import checked_app
from tests.support.web_journey import form_of, soup, start

SAME_SITE = {"Sec-Fetch-Site": "same-origin"}
OTHER_ADDRESS = {"REMOTE_ADDR": "192.0.2.7"}


@pytest.fixture()
def limited_app(tmp_path: Path) -> Iterator[Flask]:
    """Small limits, so the tests reach them quickly; one test tenant for the admin page."""
    write_tenant(tmp_path / "tenants")
    yield checked_app(
        tmp_path / "instance",
        tenant_dir=tmp_path / "tenants",
        include_example_tenants=False,
        rate_limit_resume="3 per minute",
        rate_limit_pdf="2 per minute",
        rate_limit_admin="3 per minute",
    )


@pytest.fixture()
def limited(limited_app: Flask) -> FlaskClient:
    return limited_app.test_client(use_cookies=False)


def _resume(client: FlaskClient, code: str, **environ: str):  # type: ignore[no-untyped-def]
    action, hidden = form_of(client.get("/resume"))
    return client.post(action, data={**hidden, "code": code}, environ_base=environ)


def test_resume_code_lookups_are_limited_per_address_with_a_clear_page(limited: FlaskClient) -> None:
    for _ in range(3):
        assert _resume(limited, "0000-0000-00000").status_code == 200
    refused = _resume(limited, "0000-0000-00000")
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    page = soup(refused)
    assert page.find("h1").get_text(strip=True) == "Too many attempts"
    assert "Your saved answers are safe" in page.get_text()
    assert _resume(limited, "0000-0000-00000", **OTHER_ADDRESS).status_code == 200  # another address is not affected
    assert limited.get("/resume").status_code == 200  # only the lookups are limited, not the form


def test_the_429_page_is_translated(limited: FlaskClient) -> None:
    for _ in range(3):
        _resume(limited, "0000-0000-00000")
    action, hidden = form_of(limited.get("/nl/resume"))
    refused = limited.post(action, data={**hidden, "code": "0000-0000-00000"})
    assert refused.status_code == 429
    assert soup(refused).find("h1").get_text(strip=True) == "Te veel pogingen"


def test_pdf_downloads_are_limited(limited: FlaskClient) -> None:
    first = start(limited, "web_save_resume")
    pdf_url = first.rsplit("/", 1)[0] + "/action-plan.pdf"
    assert [limited.get(pdf_url).status_code for _ in range(3)] == [404, 404, 429]


def test_api_pdf_requests_are_limited_with_problem_json(limited: FlaskClient) -> None:
    statuses = [limited.post("/api/v1/assessments/pdf", json={}).status_code for _ in range(2)]
    assert 429 not in statuses
    refused = limited.post("/api/v1/assessments/pdf", json={})
    assert refused.status_code == 429
    assert refused.mimetype == "application/problem+json"
    body = json.loads(refused.data)
    assert body["type"] == "/api/problems/too-many-requests" and body["status"] == 429
    assert "Retry-After" in refused.headers


def test_admin_log_ins_count_only_wrong_tokens_per_address(limited: FlaskClient) -> None:
    admin = "/en/admin/proefdorp/"
    for _ in range(5):  # right tokens are not limited
        assert limited.post(admin, data={"admin_token": ADMIN_TOKEN}, headers=SAME_SITE).status_code == 200
    for _ in range(3):
        assert limited.post(admin, data={"admin_token": "x" * 40}, headers=SAME_SITE).status_code == 403
    assert limited.post(admin, data={"admin_token": ADMIN_TOKEN}, headers=SAME_SITE).status_code == 429
    other = limited.post(admin, data={"admin_token": ADMIN_TOKEN}, headers=SAME_SITE, environ_base=OTHER_ADDRESS)
    assert other.status_code == 200


def test_the_client_address_never_reaches_a_log(limited: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for _ in range(5):
        _resume(limited, "0000-0000-00000", **OTHER_ADDRESS)
    assert "192.0.2.7" not in caplog.text


def test_limits_and_redis_come_from_the_environment() -> None:
    settings = settings_from_env({"PREPCHECK_REDIS_URL": "redis://127.0.0.1:6379/0", "PREPCHECK_RATE_LIMIT_RESUME": "5 per hour"})
    assert settings.redis_url == "redis://127.0.0.1:6379/0"
    assert settings.rate_limit_resume == "5 per hour"
    assert settings_from_env({}).redis_url is None


def test_the_limiter_uses_redis_storage_when_configured(tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path, questionnaire_dir=TEST_QUESTIONNAIRES, redis_url="redis://127.0.0.1:1/0")
    assert type(app.extensions["prepcheck.limiter"].storage).__name__ == "RedisStorage"


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def test_workers_share_the_counts_in_redis(tmp_path: Path) -> None:
    """Two apps (as two gunicorn workers) on one Redis: the limit counts the lookups of both."""
    if not _redis_reachable():
        pytest.skip("no Redis server at 127.0.0.1:6379")
    apps = [
        create_app(
            instance_path=tmp_path / "instance",
            questionnaire_dir=TEST_QUESTIONNAIRES,
            redis_url="redis://127.0.0.1:6379/15",
            rate_limit_resume="3 per minute",
        )
        for _ in range(2)
    ]
    apps[0].extensions["prepcheck.limiter"].reset()
    try:
        first, second = (app.test_client(use_cookies=False) for app in apps)
        assert _resume(first, "0000-0000-00000").status_code == 200
        assert _resume(second, "0000-0000-00000").status_code == 200
        assert _resume(first, "0000-0000-00000").status_code == 200
        assert _resume(second, "0000-0000-00000").status_code == 429
    finally:
        apps[0].extensions["prepcheck.limiter"].reset()


def test_workers_share_the_admin_lock_out_in_redis(tmp_path: Path) -> None:
    """Wrong tokens sent to two apps (as two gunicorn workers) on one Redis add up to one lock-out."""
    if not _redis_reachable():
        pytest.skip("no Redis server at 127.0.0.1:6379")
    write_tenant(tmp_path / "tenants")
    apps = [
        create_app(
            instance_path=tmp_path / "instance",
            questionnaire_dir=TEST_QUESTIONNAIRES,
            tenant_dir=tmp_path / "tenants",
            include_example_tenants=False,
            redis_url="redis://127.0.0.1:6379/15",
            rate_limit_admin="3 per minute",
        )
        for _ in range(2)
    ]
    apps[0].extensions["prepcheck.limiter"].reset()
    try:
        first, second = (app.test_client(use_cookies=False) for app in apps)
        admin, wrong = "/en/admin/proefdorp/", {"admin_token": "x" * 40}
        statuses = [client.post(admin, data=wrong, headers=SAME_SITE).status_code for client in (first, second, first, second)]
        assert statuses == [403, 403, 403, 429]
    finally:
        apps[0].extensions["prepcheck.limiter"].reset()

"""With Redis configured but gone, the check still works: limits count in memory, the PDF says "try again"."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.support.embed_setup import ADMIN_TOKEN, write_tenant
from tests.support.web_apps import checked_app
from tests.support.web_journey import answer, form_of, soup, start

GONE = "redis://127.0.0.1:1/0"
"""Nothing listens on port 1: every Redis call fails at once."""


@pytest.fixture()
def client_without_redis(tmp_path: Path) -> FlaskClient:
    application = checked_app(
        tmp_path / "instance", redis_url=GONE, rate_limit_resume="2 per minute", include_example_tenants=False
    )
    return application.test_client(use_cookies=False)


def test_resume_lookups_are_still_answered_and_still_limited(client_without_redis: FlaskClient) -> None:
    action, hidden = form_of(client_without_redis.get("/en/resume"))
    statuses = [
        client_without_redis.post(
            action, data={**hidden, "code": "0000-0000-00000"}, headers={"Sec-Fetch-Site": "same-origin"}
        ).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_the_plan_download_says_try_again_and_the_answers_stay(client_without_redis: FlaskClient) -> None:
    url = start(client_without_redis, "all_features")
    for page in (
        {"adults": "2", "pets": "1"},
        {"water_litres": "4", "refresh": "dont_know"},
        {"radio": "none", "channels": ["paper_list", "meeting_place"]},
        {"pet_plan": "no", "note": "Cat flap is broken"},
    ):
        url = answer(client_without_redis, url, page).location
    summary = client_without_redis.get(url)
    journey = url.removesuffix("/check-your-answers")
    download = client_without_redis.get(f"{journey}/action-plan.pdf")
    assert download.status_code == 503
    assert soup(download).find("h1").get_text(strip=True) == "Your action plan could not be made just now"
    assert "Your answers are safe" in soup(download).get_text()
    assert client_without_redis.get(url).data == summary.data


def test_the_admin_page_still_answers_and_still_locks_out_wrong_tokens(tmp_path: Path) -> None:
    write_tenant(tmp_path / "tenants")
    application = checked_app(
        tmp_path / "instance", redis_url=GONE, tenant_dir=tmp_path / "tenants", include_example_tenants=False
    )
    client = application.test_client(use_cookies=False)
    same_site = {"Sec-Fetch-Site": "same-origin"}
    admin = "/en/admin/proefdorp/"
    assert client.post(admin, data={"admin_token": ADMIN_TOKEN}, headers=same_site).status_code == 200
    wrong = [client.post(admin, data={"admin_token": "x" * 40}, headers=same_site).status_code for _ in range(11)]
    assert wrong == [403] * 10 + [429]

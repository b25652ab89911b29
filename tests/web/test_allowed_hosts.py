"""In production the site answers only to its own host names: a forged Host header gets 400, never a link to itself."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask

from prepcheck import create_app
from prepcheck.cli import main
from prepcheck.config import StartupError
from tests.support.embed_setup import write_tenant
from tests.support.page_conventions import CheckedClient
from tests.support.paths import TEST_QUESTIONNAIRES
from tests.support.web_journey import soup

SITE = "https://zelftest.example.nl"
FORGED = "http://evil.example"
OURS = SITE
"""Where the test client sends its requests: the Host header it sets."""


def production_app(tmp_path: Path, **overrides: Any) -> Flask:
    write_tenant(tmp_path / "tenants")
    settings: dict[str, Any] = {
        "environment": "production",
        "secret_key": secrets.token_urlsafe(48),
        "questionnaire_dir": TEST_QUESTIONNAIRES,
        "tenant_dir": tmp_path / "tenants",
        "public_url": SITE,
    }
    application = create_app(instance_path=tmp_path / "instance", **{**settings, **overrides})
    application.test_client_class = CheckedClient
    return application


def test_production_without_a_public_address_refuses_to_start_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(StartupError) as refused:
        production_app(tmp_path, public_url=None)
    message = str(refused.value)
    assert "PREPCHECK_PUBLIC_URL" in message and "PREPCHECK_ALLOWED_HOSTS" in message and "\n" not in message


def test_serve_in_production_without_a_public_address_says_so_and_does_not_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def serve(*_: object, **__: object) -> None:
        raise AssertionError("the server started")

    monkeypatch.setattr("waitress.serve", serve)
    environment = {
        "PREPCHECK_ENV": "production",
        "PREPCHECK_SECRET_KEY": secrets.token_urlsafe(48),
        "PREPCHECK_INSTANCE_PATH": str(tmp_path),
        "PREPCHECK_PUBLIC_URL": "",
    }
    result = CliRunner().invoke(main, ["serve"], env=environment)
    assert result.exit_code == 1
    assert result.output.startswith("Error: PREPCHECK_PUBLIC_URL") and len(result.output.strip().splitlines()) == 1


def test_a_public_address_that_is_no_web_address_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StartupError, match="PREPCHECK_PUBLIC_URL"):
        production_app(tmp_path, public_url="zelftest.example.nl")


def test_a_request_for_another_host_gets_400_and_no_page_of_the_site(tmp_path: Path) -> None:
    client = production_app(tmp_path).test_client(use_cookies=False)
    for path in ("/en/", "/en/all_features/recheck", "/embed/proefdorp/snippet", "/en/admin/proefdorp/"):
        refused = client.get(path, base_url=FORGED)
        assert refused.status_code == 400, path
        assert "evil.example" not in refused.get_data(as_text=True)
        assert client.get(path, base_url=OURS).status_code == 200, path
    slash_redirect = client.get("/embed/proefdorp", base_url=FORGED)
    assert slash_redirect.status_code == 400 and "Location" not in slash_redirect.headers


def test_the_api_answers_another_host_with_a_problem(tmp_path: Path) -> None:
    client = production_app(tmp_path).test_client(use_cookies=False)
    refused = client.get("/api/v1/questionnaires", base_url=FORGED)
    assert refused.status_code == 400 and refused.mimetype == "application/problem+json"
    assert client.get("/api/v1/questionnaires", base_url=OURS).status_code == 200


def test_health_checks_answer_whatever_host_the_load_balancer_names(tmp_path: Path) -> None:
    client = production_app(tmp_path).test_client(use_cookies=False)
    for path in ("/healthz", "/readyz"):
        assert client.get(path, base_url="http://10.0.0.5:8000").status_code == 200


def test_behind_a_proxy_the_forwarded_host_is_the_one_checked(tmp_path: Path) -> None:
    client = production_app(tmp_path, proxy_hops=1).test_client(use_cookies=False)
    proxy = {"base_url": "http://127.0.0.1:8000", "environ_base": {"REMOTE_ADDR": "10.0.0.2"}}
    ours = client.get("/en/", headers={"X-Forwarded-Host": "zelftest.example.nl"}, **proxy)
    forged = client.get("/en/", headers={"X-Forwarded-Host": "evil.example"}, **proxy)
    assert (ours.status_code, forged.status_code) == (200, 400)


def test_allowed_hosts_name_more_host_names_and_subdomains(tmp_path: Path) -> None:
    application = production_app(tmp_path, public_url=None, allowed_hosts=("check.example.org", ".gemeente.example"))
    client = application.test_client(use_cookies=False)
    for host, status in (("check.example.org", 200), ("zelftest.gemeente.example", 200), ("evil.example", 400)):
        assert client.get("/en/", base_url=f"https://{host}").status_code == status, host


def test_the_snippet_gives_the_public_address_not_the_requests_host(tmp_path: Path) -> None:
    write_tenant(tmp_path / "tenants")
    application = create_app(
        instance_path=tmp_path / "instance",
        questionnaire_dir=TEST_QUESTIONNAIRES,
        tenant_dir=tmp_path / "tenants",
        include_example_tenants=False,
        public_url=SITE,
    )
    page = application.test_client().get("/embed/proefdorp/snippet", base_url="http://127.0.0.1:8000")
    code = soup(page).select_one(".snippet-code").get_text()
    assert f'<iframe src="{SITE}/embed/proefdorp/' in code and f'<script src="{SITE}/embed-resize-' in code
    assert "127.0.0.1:8000" not in page.get_data(as_text=True)


def test_development_answers_any_host_so_scripts_serve_just_works(tmp_path: Path) -> None:
    client = create_app(instance_path=tmp_path / "instance").test_client()
    assert client.get("/en/", base_url="http://192.168.1.20:8000").status_code == 200

"""Behind a reverse proxy (PREPCHECK_PROXY_HOPS): limits count the real client, forms from https pages pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.support.web_apps import checked_app
from tests.support.web_journey import form_of

PROXY = {"REMOTE_ADDR": "10.0.0.2"}
"""Every request reaches the app from the proxy's own address."""


@pytest.fixture()
def client_behind(tmp_path: Path) -> Callable[[int], FlaskClient]:
    """A cookie-less client for an app that trusts the given number of proxies; resume lookups limited to 2."""

    def make(hops: int) -> FlaskClient:
        application = checked_app(
            tmp_path / f"instance-{hops}", include_example_tenants=False, rate_limit_resume="2 per minute", proxy_hops=hops
        )
        return application.test_client(use_cookies=False)

    return make


def _resume_from(client: FlaskClient, forwarded_for: str) -> int:
    action, hidden = form_of(client.get("/en/resume", environ_base=PROXY))
    response = client.post(
        action,
        data={**hidden, "code": "0000-0000-00000"},
        headers={"Sec-Fetch-Site": "same-origin", "X-Forwarded-For": forwarded_for},
        environ_base=PROXY,
    )
    return response.status_code


def test_behind_one_proxy_each_client_has_its_own_limit(client_behind: Callable[[int], FlaskClient]) -> None:
    client = client_behind(1)
    assert [_resume_from(client, "198.51.100.1") for _ in range(3)] == [200, 200, 429]
    assert _resume_from(client, "198.51.100.2") == 200


def test_without_trusted_proxies_a_forged_forwarded_for_does_not_escape_the_limit(
    client_behind: Callable[[int], FlaskClient],
) -> None:
    client = client_behind(0)
    statuses = [_resume_from(client, f"198.51.100.{number}") for number in range(3)]
    assert statuses == [200, 200, 429]


def test_a_form_posted_from_the_https_site_passes_the_origin_check(
    client_behind: Callable[[int], FlaskClient],
) -> None:
    client = client_behind(1)
    action, hidden = form_of(client.get("/en/resume", environ_base=PROXY))
    # An older browser sends Origin but no Sec-Fetch-Site; the proxy terminated TLS for it.
    headers = {"Origin": "https://zelftest.example.nl", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "zelftest.example.nl"}
    accepted = client.post(action, data={**hidden, "code": "0000-0000-00000"}, headers=headers, environ_base=PROXY)
    assert accepted.status_code == 200
    without_proxy_info = {"Origin": "https://zelftest.example.nl"}
    refused = client.post(action, data={**hidden, "code": "0000-0000-00000"}, headers=without_proxy_info, environ_base=PROXY)
    assert refused.status_code == 403

"""Wrong admin tokens lock out the address that sent them; only many addresses together lock the page for everyone."""

from __future__ import annotations

import io
import json

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.support.embed_setup import ADMIN_TOKEN

ADMIN = "/en/admin/proefdorp/"
SAME_SITE = {"Sec-Fetch-Site": "same-origin"}
WRONG = "x" * 40
ATTACKER = "198.51.100.9"
MUNICIPALITY = "203.0.113.5"


def sign_in(client: FlaskClient, token: str, address: str) -> TestResponse:
    return client.post(ADMIN, data={"admin_token": token}, headers=SAME_SITE, environ_base={"REMOTE_ADDR": address})


def test_wrong_tokens_from_one_address_lock_out_that_address_only(client: FlaskClient) -> None:
    assert [sign_in(client, WRONG, ATTACKER).status_code for _ in range(10)] == [403] * 10
    refused = sign_in(client, ADMIN_TOKEN, ATTACKER)
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 15 * 60
    assert "wrong too often" in refused.get_data(as_text=True)
    assert sign_in(client, ADMIN_TOKEN, MUNICIPALITY).status_code == 200  # the municipality's own administrator


def test_addresses_of_one_ipv6_network_count_as_one_client(client: FlaskClient) -> None:
    # Whoever has one IPv6 address usually has the 2^64 of its /64: each of them is not a new client.
    for number in range(10):
        assert sign_in(client, WRONG, f"2001:db8:0:1::{number + 1:x}").status_code == 403
    assert sign_in(client, ADMIN_TOKEN, "2001:db8:0:1::ff").status_code == 429
    assert sign_in(client, ADMIN_TOKEN, "2001:db8:0:2::1").status_code == 200


def test_wrong_tokens_from_many_addresses_lock_the_page_for_everyone_at_a_higher_count(client: FlaskClient) -> None:
    for address in range(10):
        assert [sign_in(client, WRONG, f"192.0.2.{address}").status_code for _ in range(10)] == [403] * 10
    refused = sign_in(client, ADMIN_TOKEN, MUNICIPALITY)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0


def test_each_lock_out_is_logged_once_as_a_security_warning_without_address_or_token(
    client: FlaskClient, log_lines: io.StringIO
) -> None:
    for _ in range(12):
        sign_in(client, WRONG, ATTACKER)
    for address in range(10):  # 9 each: not enough to lock any of them out, 100 in all with the first address's 10
        for _ in range(9):
            sign_in(client, WRONG, f"192.0.2.{address}")
    text = log_lines.getvalue()
    warnings = [line for line in map(json.loads, text.splitlines()) if line["level"] == "warning"]
    assert [(line["logger"], line["message"], line["tenant"], line["lock"]) for line in warnings] == [
        ("prepcheck.security", "admin sign-in locked", "proefdorp", "one client"),
        ("prepcheck.security", "admin sign-in locked", "proefdorp", "all clients"),
    ]
    assert all(line["minutes"] == 15 for line in warnings)
    for secret in (ATTACKER, "192.0.2.", WRONG, ADMIN_TOKEN):
        assert secret not in text

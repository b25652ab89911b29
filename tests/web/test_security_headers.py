"""No cookies, no referrer leaving the site, no caching of answers, and a strict content security policy."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.support.web_journey import start


def test_journey_pages_send_same_origin_referrer_policy_and_no_store(client: FlaskClient) -> None:
    response = client.get(start(client, "web_save_resume"))
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers


def test_the_content_security_policy_allows_no_script_and_only_our_own_stylesheet(client: FlaskClient) -> None:
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "style-src 'self'" in policy and "script-src" not in policy


def test_flask_wtf_session_csrf_is_not_used(client: FlaskClient) -> None:
    landing = client.get("/").get_data(as_text=True)
    assert "csrf_token" not in landing


def test_every_page_turns_off_device_features_and_isolates_its_window(client: FlaskClient) -> None:
    response = client.get("/")
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "object-src 'none'" in response.headers["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in response.headers


def test_hsts_is_sent_over_https(client: FlaskClient) -> None:
    response = client.get("/", base_url="https://prepcheck.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")

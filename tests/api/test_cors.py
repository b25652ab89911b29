"""CORS is off unless the app names allowed origins for the request; preflights are answered for those only."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask, Request
from flask.testing import FlaskClient

ALLOWED = "https://veiligheidsregio.example"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}


@pytest.fixture()
def tenant_client(app: Flask) -> FlaskClient:
    """The app with one allowed origin, for requests that name the tenant 'vr' in the query."""

    def origins(request: Request) -> set[str]:
        return {ALLOWED} if request.args.get("tenant") == "vr" or request.method == "OPTIONS" else set()

    app.extensions["prepcheck.api_cors_origins"] = origins
    return app.test_client(use_cookies=False)


def _cors_headers(headers: Any) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name.lower().startswith("access-control-")}


def test_cors_is_off_by_default(client: FlaskClient) -> None:
    response = client.get("/api/v1/questionnaires", headers={"Origin": ALLOWED})
    assert response.status_code == 200
    assert _cors_headers(response.headers) == {}
    assert "Origin" in response.headers["Vary"]


def test_preflight_from_an_origin_that_is_not_allowed_gets_no_cors_headers(client: FlaskClient) -> None:
    response = client.options("/api/v1/assessments", headers={"Origin": ALLOWED, **PREFLIGHT})
    assert _cors_headers(response.headers) == {}


def test_preflight_from_an_allowed_origin_is_answered(tenant_client: FlaskClient) -> None:
    response = tenant_client.options("/api/v1/assessments", headers={"Origin": ALLOWED, **PREFLIGHT})
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_allowed_origin_is_named_on_the_response(tenant_client: FlaskClient) -> None:
    response = tenant_client.get("/api/v1/questionnaires?tenant=vr", headers={"Origin": ALLOWED})
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert response.headers["Vary"].count("Origin") == 1


def test_other_origins_and_other_tenants_get_no_cors_headers(tenant_client: FlaskClient) -> None:
    other_origin = tenant_client.get("/api/v1/questionnaires?tenant=vr", headers={"Origin": "https://evil.example"})
    other_tenant = tenant_client.get("/api/v1/questionnaires?tenant=elsewhere", headers={"Origin": ALLOWED})
    assert _cors_headers(other_origin.headers) == {}
    assert _cors_headers(other_tenant.headers) == {}


def test_cross_origin_post_from_an_allowed_origin_works(tenant_client: FlaskClient, household_answers: dict[str, Any]) -> None:
    headers = {"Origin": ALLOWED, "Sec-Fetch-Site": "cross-site"}
    response = tenant_client.post(
        "/api/v1/assessments?tenant=vr", json={"questionnaire": "household", "answers": household_answers}, headers=headers
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED


def test_problems_also_carry_cors_headers_for_allowed_origins(tenant_client: FlaskClient) -> None:
    response = tenant_client.post("/api/v1/assessments?tenant=vr", json={}, headers={"Origin": ALLOWED})
    assert response.status_code == 422
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED


def test_a_failing_origins_callable_closes_cors(app: Flask) -> None:
    def broken(request: Request) -> set[str]:
        raise RuntimeError("tenant table unavailable")

    app.extensions["prepcheck.api_cors_origins"] = broken
    response = app.test_client().get("/api/v1/questionnaires", headers={"Origin": ALLOWED})
    assert response.status_code == 200
    assert _cors_headers(response.headers) == {}


def test_web_pages_never_get_cors_headers(tenant_client: FlaskClient) -> None:
    response = tenant_client.get("/?tenant=vr", headers={"Origin": ALLOWED})
    assert _cors_headers(response.headers) == {}


def test_web_forms_still_refuse_cross_site_posts(tenant_client: FlaskClient) -> None:
    response = tenant_client.post("/household/start", data={}, headers={"Origin": ALLOWED, "Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403

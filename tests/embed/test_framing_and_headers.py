"""Who may frame what: a tenant's embed pages name exactly its origins; every other page refuses framing."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.support.embed_journey import EMBED, start_embedded

ORIGINS = "https://www.proefdorp.example http://127.0.0.1:8123"


def frame_ancestors(policy: str) -> str:
    match = re.search(r"frame-ancestors ([^;]*)", policy)
    assert match, policy
    return match.group(1).strip()


@pytest.mark.parametrize("path", ["/", "/en/", "/pap/"])
def test_embed_pages_allow_exactly_the_tenants_origins_and_send_no_x_frame_options(client: FlaskClient, path: str) -> None:
    response = client.get(EMBED + path)
    assert response.status_code == 200
    assert frame_ancestors(response.headers["Content-Security-Policy"]) == ORIGINS
    assert "X-Frame-Options" not in response.headers


def test_every_page_of_the_embedded_journey_names_the_tenants_origins(client: FlaskClient) -> None:
    page = client.get(start_embedded(client, "web_save_resume"))
    assert page.status_code == 200
    assert frame_ancestors(page.headers["Content-Security-Policy"]) == ORIGINS


@pytest.mark.parametrize(
    "path", ["/", "/resume", "/en/", "/admin/proefdorp/", "/embed/proefdorp/snippet", "/embed/unknown/", "/healthz"]
)
def test_pages_outside_the_embed_refuse_every_frame(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert frame_ancestors(response.headers["Content-Security-Policy"]) == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_an_unknown_tenant_is_not_found(client: FlaskClient) -> None:
    assert client.get("/embed/unknown/").status_code == 404


def test_the_embed_script_has_a_nonce_that_the_policy_names(client: FlaskClient) -> None:
    response = client.get(EMBED + "/")
    html = response.get_data(as_text=True)
    nonce = re.search(r'<script src="/embed/proefdorp/embed-frame-1.js" nonce="([^"]+)"', html)
    assert nonce, html[:800]
    assert f"script-src 'nonce-{nonce.group(1)}'" in response.headers["Content-Security-Policy"]
    assert 'data-origins="https://www.proefdorp.example http://127.0.0.1:8123"' in html


def test_pages_outside_the_embed_have_no_script(client: FlaskClient) -> None:
    response = client.get("/")
    assert "<script" not in response.get_data(as_text=True)
    assert "script-src" not in response.headers["Content-Security-Policy"]


def test_the_api_answers_cors_for_the_tenants_origins_only(client: FlaskClient) -> None:
    allowed = client.get("/api/v1/questionnaires", headers={"Origin": "https://www.proefdorp.example"})
    assert allowed.headers.get("Access-Control-Allow-Origin") == "https://www.proefdorp.example"
    other = client.get("/api/v1/questionnaires", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_the_host_page_script_is_versioned_cacheable_and_loadable_with_sri(client: FlaskClient) -> None:
    response = client.get("/embed-resize-1.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "immutable" in response.headers["Cache-Control"]

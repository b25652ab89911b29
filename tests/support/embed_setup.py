"""Embed set-up shared by the embed and statistics tests: one test tenant of its own, its app and a cookie-less client."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck import create_app
from prepcheck.services import services_of
from prepcheck.tenants import EXAMPLES_DIR, hash_admin_token
from tests.support.page_conventions import CheckedClient
from tests.support.paths import TEST_QUESTIONNAIRES

ADMIN_TOKEN = "a-test-admin-token-that-is-long-enough-0123456789"  # noqa: S105 - a test value
TENANT_YAML = """\
name: Gemeente Proefdorp
logo: logo.svg
default_language: nl
questionnaires: [all_features, web_save_resume]
theme:
  colours:
    brand: "#7a1f5c"
    button: "#7a1f5c"
    button_hover: "#5c1745"
  font_stack: Georgia, serif
  radius: "0"
allowed_origins:
  - https://www.proefdorp.example
  - http://127.0.0.1:8123
local:
  safety_region: Veiligheidsregio Proefland
  broadcaster: {name: Radio Proef, frequency: 101.7 FM}
  emergency_number: "112"
  non_emergency_number: "0900-8844"
  support_points:
    - {name: Dorpshuis De Proef, address: Brink 2, description: Open bij een lange stroomstoring.}
  risks:
    - {title: Overstroming van de Proefbeek, url: "https://www.proefdorp.example/risico/beek"}
  contact_url: https://www.proefdorp.example/contact
privacy_contact: privacy@proefdorp.example
admin_token_sha256: {hash}
"""


def write_tenant(folder: Path, slug: str = "proefdorp", text: str | None = None) -> Path:
    """A tenant folder with the standard test tenant (or `text`) and the example logo."""
    tenant = folder / slug
    tenant.mkdir(parents=True)
    (tenant / "tenant.yaml").write_text(text or TENANT_YAML.replace("{hash}", hash_admin_token(ADMIN_TOKEN)), encoding="utf-8")
    shutil.copy(EXAMPLES_DIR / "voorbeeldveen" / "logo.svg", tenant / "logo.svg")
    return tenant


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    """Only the test tenant (no examples), on the test questionnaires."""
    write_tenant(tmp_path / "tenants")
    application = create_app(
        instance_path=tmp_path / "instance",
        questionnaire_dir=TEST_QUESTIONNAIRES,
        tenant_dir=tmp_path / "tenants",
        include_example_tenants=False,
    )
    application.config["TESTING"] = True
    application.test_client_class = CheckedClient
    assert list(services_of(application).tenants) == ["proefdorp"]
    yield application


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    """No cookies at all, as in a browser that blocks third-party cookies."""
    return app.test_client(use_cookies=False)

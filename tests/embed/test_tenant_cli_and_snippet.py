"""`prepcheck validate` covers tenants, `prepcheck tenant-token` makes tokens, and the snippet page for web editors."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from click.testing import CliRunner
from flask.testing import FlaskClient

from prepcheck.cli import main
from prepcheck.tenants import EXAMPLES_DIR, check_admin_token
from tests.support.embed_setup import TENANT_YAML, write_tenant
from tests.support.paths import TEST_QUESTIONNAIRES
from tests.support.web_journey import soup


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_accepts_the_shipped_example_tenants() -> None:
    code, out, err = run("validate", str(EXAMPLES_DIR))
    assert code == 0, err
    assert "ok  " in out and "voorbeeldveen" in out and "isla-ehempel" in out


def test_validate_reports_every_tenant_error_with_file_line_and_key_and_fails(tmp_path: Path) -> None:
    broken = (
        TENANT_YAML.replace('brand: "#7a1f5c"', 'brand: "#7a1f5c"\n    text: "#777777"')
        .replace("http://127.0.0.1:8123", "https://www.proefdorp.example/path")
        .replace("admin_token_sha256: {hash}", "colour_scheme: dark")
    )
    folder = write_tenant(tmp_path, text=broken)
    code, _, err = run("validate", str(folder), str(TEST_QUESTIONNAIRES))
    assert code == 1
    file = folder / "tenant.yaml"
    assert re.search(rf"{re.escape(str(file))}:\d+: theme.colours.text: contrast of text #777777", err), err
    assert re.search(rf"{re.escape(str(file))}:\d+: allowed_origins\[1\]: .* is not an origin", err), err
    assert re.search(rf"{re.escape(str(file))}:\d+: colour_scheme: ", err), err
    assert re.search(r"^\d+ error\(s\)$", err.splitlines()[-1])


def test_validate_takes_a_tenant_yaml_file_and_mixes_with_questionnaires(tmp_path: Path) -> None:
    folder = write_tenant(tmp_path)
    code, out, err = run("validate", str(folder / "tenant.yaml"), str(TEST_QUESTIONNAIRES))
    assert code == 0, err
    assert "proefdorp" in out and "all_features" in out


def test_tenant_token_prints_a_token_and_the_hash_that_opens_the_page() -> None:
    code, out, _ = run("tenant-token")
    assert code == 0
    token = out.splitlines()[1].strip()
    digest = re.search(r"admin_token_sha256: ([0-9a-f]{64})", out).group(1)
    assert check_admin_token(digest, token)


def test_the_snippet_page_shows_an_iframe_with_title_min_height_fallback_link_and_sri_script(client: FlaskClient) -> None:
    page = client.get("/en/embed/proefdorp/snippet?language=pap&heading=3")
    assert page.status_code == 404  # the language prefix goes after the tenant
    page = client.get("/embed/proefdorp/en/snippet?language=pap&heading=3")
    assert page.status_code == 200
    code = soup(page).select_one(".snippet-code").get_text()
    assert '<iframe src="http://localhost/embed/proefdorp/h3/pap/"' in code
    assert 'title="Preparedness check of Gemeente Proefdorp"' in code and "min-height: 40rem" in code
    assert '<a href="http://localhost/embed/proefdorp/h3/pap/" target="_blank" rel="noopener">' in code
    script = client.get("/embed-resize-1.js").data
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(script).digest()).decode()
    script_tag = f'<script src="http://localhost/embed-resize-1.js"\n        integrity="{integrity}" crossorigin="anonymous"'
    assert script_tag in code


def test_the_snippet_page_is_not_itself_embeddable_and_has_the_site_chrome(client: FlaskClient) -> None:
    page = client.get("/embed/proefdorp/snippet")
    assert page.headers["X-Frame-Options"] == "DENY"
    assert soup(page).select_one(".site-header") is not None

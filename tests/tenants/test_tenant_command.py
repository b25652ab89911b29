"""The stand-in command line: validate prints every error and fails; token prints a token and its hash."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prepcheck.tenants import TenantError, check_admin_token, load_tenant
from prepcheck.tenants.__main__ import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tenants" / "invalid"


def test_validate_passes_on_the_shipped_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "(voorbeeldveen: Gemeente Voorbeeldveen; nl;" in out
    assert "(isla-ehempel: Isla Ehempel; pap;" in out


def test_validate_fails_and_names_file_line_and_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "unknown-key"), str(FIXTURES / "origin-with-path")]) == 1
    err = capsys.readouterr().err
    assert f"{FIXTURES / 'unknown-key' / 'tenant.yaml'}:9: colour_scheme: unknown key" in err
    assert f"{FIXTURES / 'origin-with-path' / 'tenant.yaml'}:10: allowed_origins[0]: " in err
    assert err.rstrip().endswith("2 error(s)")


def test_the_token_command_prints_a_token_whose_hash_goes_into_tenant_yaml(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["token"]) == 0
    out = capsys.readouterr().out
    token = re.search(r"^  ([A-Za-z0-9_-]{43})$", out, re.M)
    line = re.search(r"^  (admin_token_sha256: [0-9a-f]{64})$", out, re.M)
    assert token and line
    folder = tmp_path / "proef"
    folder.mkdir()
    (folder / "tenant.yaml").write_text(
        f'name: Proef\ndefault_language: nl\nquestionnaires: [household]\nlocal:\n  emergency_number: "112"\n'
        f"privacy_contact: privacy@proef.example\n{line.group(1)}\n",
        encoding="utf-8",
    )
    assert check_admin_token(load_tenant(folder).admin_token_sha256, token.group(1))


def test_a_hostile_unknown_key_is_shown_escaped_and_short(tmp_path: Path) -> None:
    folder = tmp_path / "proef"
    folder.mkdir()
    (folder / "tenant.yaml").write_text(
        'name: Proef\ndefault_language: nl\nquestionnaires: [household]\nlocal:\n  emergency_number: "112"\n'
        'privacy_contact: privacy@proef.example\n"\\e[2J' + "x" * 500 + '": 1\n',
        encoding="utf-8",
    )
    with pytest.raises(TenantError) as raised:
        load_tenant(folder)
    (error,) = raised.value.errors
    assert "\x1b" not in str(error) and len(error.key) < 80
    assert error.line == 7

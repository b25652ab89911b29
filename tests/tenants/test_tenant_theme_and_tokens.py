"""Theme CSS output, the defaults it shares with prepcheck.css, the admin token, and the PDF branding."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

import pytest

from prepcheck.tenants import EXAMPLES_DIR, Theme, check_admin_token, hash_admin_token, load_tenant, new_admin_token, theme_css
from prepcheck.tenants.branding import local_radio_text, pdf_branding
from prepcheck.tenants.theme import (
    COLOUR_TOKENS,
    DEFAULT_COLOURS,
    DEFAULT_FONT_STACK,
    DEFAULT_RADIUS,
    FIXED_COLOURS,
    default_theme,
)

STYLESHEET = Path(__file__).resolve().parents[2] / "prepcheck" / "static" / "prepcheck.css"


def root_tokens() -> dict[str, str]:
    """The custom properties set in prepcheck.css's :root block."""
    block = re.search(r":root\s*\{(.*?)\}", STYLESHEET.read_text(encoding="utf-8"), re.S)
    assert block is not None
    return {name: value.strip() for name, value in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", block.group(1))}


def test_the_theme_defaults_are_those_of_the_stylesheet() -> None:
    tokens = root_tokens()
    for key, prop in COLOUR_TOKENS.items():
        assert tokens[prop] == DEFAULT_COLOURS[key], prop
    for key, value in FIXED_COLOURS.items():
        assert tokens[f"--colour-{key.replace('_', '-')}"] == value, key
    assert tokens["--font-stack"] == DEFAULT_FONT_STACK
    assert tokens["--radius"] == DEFAULT_RADIUS


def test_the_theme_css_sets_every_token_of_the_theme() -> None:
    tenant = load_tenant(EXAMPLES_DIR / "voorbeeldveen")
    css = theme_css(tenant.theme)
    assert css.startswith(":root {\n")
    assert "  --colour-brand: #0b5e3a;\n" in css
    assert '  --font-stack: Verdana, "Segoe UI", sans-serif;\n' in css
    assert "  --radius: 0;\n" in css
    assert css.count(";") == len(COLOUR_TOKENS) + 2


def test_the_theme_css_can_be_scoped_to_a_class() -> None:
    assert theme_css(default_theme(), ".prepcheck-theme").startswith(".prepcheck-theme {")


@pytest.mark.parametrize("selector", ["body } * {", "</style><script>", ":root, html", ""])
def test_a_selector_other_than_root_or_a_simple_class_is_refused(selector: str) -> None:
    with pytest.raises(ValueError, match="not :root"):
        theme_css(default_theme(), selector)


@pytest.mark.parametrize(
    "theme",
    [
        Theme(colours=MappingProxyType({"brand": "red;}</style><script>"}), font_stack="Arial", radius="4px"),
        Theme(colours=MappingProxyType({}), font_stack="Arial; } body { display: none", radius="4px"),
        Theme(colours=MappingProxyType({}), font_stack="Arial", radius="4px</style>"),
    ],
)
def test_a_value_off_the_whitelist_never_reaches_the_css(theme: Theme) -> None:
    # Loading refuses such values already; theme_css checks again so a hand-built Theme cannot inject either.
    with pytest.raises(ValueError):
        theme_css(theme)


def test_a_new_admin_token_checks_against_its_hash() -> None:
    token, digest = new_admin_token()
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert len(token) >= 43
    assert check_admin_token(digest, token)
    assert check_admin_token(digest.upper(), token)


def test_a_wrong_or_missing_token_is_refused() -> None:
    token, digest = new_admin_token()
    assert not check_admin_token(digest, token + "x")
    assert not check_admin_token(digest, "")
    assert not check_admin_token(digest, None)
    assert not check_admin_token(digest, "x" * 10_000)


def test_without_a_configured_hash_no_token_is_accepted() -> None:
    assert not check_admin_token(None, "anything")
    assert not check_admin_token(None, "")


def test_a_malformed_stored_hash_accepts_nothing() -> None:
    assert not check_admin_token("not-a-hash-ü", "x" * 40)


def test_short_tokens_are_not_hashed() -> None:
    with pytest.raises(ValueError, match="32 to 512 characters"):
        hash_admin_token("hunter2")


def test_a_hash_from_the_helper_is_accepted_in_tenant_yaml(tmp_path: Path) -> None:
    token, digest = new_admin_token()
    folder = tmp_path / "proef"
    folder.mkdir()
    (folder / "tenant.yaml").write_text(
        "name: Proef\ndefault_language: en\nquestionnaires: [household]\n"
        f'local:\n  emergency_number: "112"\nprivacy_contact: privacy@proef.example\nadmin_token_sha256: {digest}\n',
        encoding="utf-8",
    )
    tenant = load_tenant(folder)
    assert check_admin_token(tenant.admin_token_sha256, token)


def test_the_pdf_gets_the_tenants_name_logo_asset_and_radio() -> None:
    tenant = load_tenant(EXAMPLES_DIR / "isla-ehempel")
    branding, assets = pdf_branding(tenant)
    assert branding.name == "Isla Ehempel"
    assert branding.logo_asset == "tenants/isla-ehempel/logo.svg"
    assert assets == {"tenants/isla-ehempel/logo.svg": (EXAMPLES_DIR / "isla-ehempel" / "logo.svg").resolve()}
    assert local_radio_text(tenant) == "Radio Ehempel (example), 99.9 FM (example)"

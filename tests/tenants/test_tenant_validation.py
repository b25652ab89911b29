"""Tenant validation: every kind of invalid tenant is reported with its line, key and a clear message, all at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prepcheck.tenants import EXAMPLES_DIR, TenantError, TenantRegistry, load_tenant, validate_tenants

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tenants"
INVALID = sorted(path for path in (FIXTURES / "invalid").iterdir() if path.is_dir())
KNOWN = {"household", "business"}
# Expectations sit at the end of each fixture, so they do not shift the lines they name.
EXPECT = re.compile(r"^# expect: (\d+) (\S+) \| (.+)$")

MINIMAL = """\
name: Gemeente Proef
default_language: nl
questionnaires: [household]
local:
  emergency_number: "112"
privacy_contact: privacy@proef.example
"""


def expectations(folder: Path) -> list[tuple[int, str, str]]:
    """The (line, key, message part) triples written in a fixture's tenant.yaml."""
    text = (folder / "tenant.yaml").read_text(encoding="utf-8")
    return [(int(m.group(1)), m.group(2), m.group(3)) for m in map(EXPECT.match, text.splitlines()) if m]


def make_tenant(root: Path, slug: str = "proef", extra: str = "") -> Path:
    """A valid minimal tenant folder, with extra YAML appended."""
    folder = root / slug
    folder.mkdir(parents=True)
    (folder / "tenant.yaml").write_text(MINIMAL + extra, encoding="utf-8")
    return folder


def test_there_is_an_invalid_fixture_for_each_kind_of_error() -> None:
    assert len(INVALID) >= 30


@pytest.mark.parametrize("fixture", INVALID, ids=lambda path: path.name)
def test_invalid_tenant_reports_each_error_with_its_line_and_key(fixture: Path) -> None:
    expected = expectations(fixture)
    assert expected, f"{fixture.name} has no '# expect:' lines"
    with pytest.raises(TenantError) as raised:
        load_tenant(fixture, KNOWN)
    reported = [(error.line, error.key, error.message) for error in raised.value.errors]
    assert len(reported) == len(expected), reported
    for (line, key, part), (got_line, got_key, got_message) in zip(expected, reported):
        assert (got_line, got_key) == (line, key), reported
        assert part in got_message, reported
    for error in raised.value.errors:
        assert str(error).startswith(f"{fixture / 'tenant.yaml'}:{error.line}: {error.key}: ")


def test_structure_and_meaning_errors_are_reported_together() -> None:
    with pytest.raises(TenantError) as raised:
        load_tenant(FIXTURES / "invalid" / "many-errors-at-once", KNOWN)
    assert {error.key for error in raised.value.errors} == {"colour_scheme", "theme.colours.text", "allowed_origins[0]"}


def test_the_shipped_examples_validate() -> None:
    tenants, errors = validate_tenants([EXAMPLES_DIR], KNOWN)
    assert errors == []
    assert {tenant.slug for tenant in tenants} == {"voorbeeldveen", "isla-ehempel"}


def test_the_island_example_speaks_papiamentu_and_uses_the_island_number() -> None:
    island = load_tenant(EXAMPLES_DIR / "isla-ehempel", KNOWN)
    assert island.default_language == "pap"
    assert island.local.emergency_number == "911"
    assert island.local.safety_region is None
    assert island.privacy_contact_href == "https://www.ehempel.example/privacy"


def test_the_mainland_example_carries_its_local_information() -> None:
    tenant = load_tenant(EXAMPLES_DIR / "voorbeeldveen", KNOWN)
    assert tenant.name == "Gemeente Voorbeeldveen"
    assert tenant.local.broadcaster is not None and tenant.local.broadcaster.text == "Radio M Utrecht, 93.1 FM"
    assert tenant.local.support_points[0].name == "Gemeentehuis Voorbeeldveen"
    assert tenant.local.risks[0].url == "https://www.voorbeeldveen.example/veiligheid/hoogwater"
    assert tenant.privacy_contact_href == "mailto:privacy@voorbeeldveen.example"
    assert tenant.logo == (EXAMPLES_DIR / "voorbeeldveen" / "logo.svg").resolve()
    assert tenant.offers("business") and not tenant.offers("farm")


def test_a_minimal_tenant_gets_prepchecks_own_look(tmp_path: Path) -> None:
    tenant = load_tenant(make_tenant(tmp_path), KNOWN)
    assert tenant.theme.colours["brand"] == "#154273"
    assert tenant.allowed_origins == ()
    assert tenant.frame_ancestors() == "'none'"
    assert tenant.logo is None and tenant.logo_asset_key is None


def test_questionnaire_ids_are_not_checked_when_no_known_ids_are_given(tmp_path: Path) -> None:
    folder = make_tenant(tmp_path)
    (folder / "tenant.yaml").write_text(MINIMAL.replace("[household]", "[farm]"), encoding="utf-8")
    assert load_tenant(folder).questionnaires == ("farm",)


def test_a_folder_without_tenant_yaml_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(TenantError, match=r"has no tenant\.yaml"):
        load_tenant(tmp_path / "empty")


def test_a_huge_tenant_file_is_refused_before_parsing(tmp_path: Path) -> None:
    folder = make_tenant(tmp_path, extra="# padding\n" * 20_000)
    with pytest.raises(TenantError, match="larger than"):
        load_tenant(folder)


def test_yaml_aliases_are_refused(tmp_path: Path) -> None:
    folder = make_tenant(tmp_path, extra="theme: &t {}\nlogo: *t\n")
    with pytest.raises(TenantError, match="aliases"):
        load_tenant(folder)


def test_a_tenant_file_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "proef"
    folder.mkdir()
    (folder / "tenant.yaml").write_text("- a\n- list\n", encoding="utf-8")
    with pytest.raises(TenantError, match="must be a mapping"):
        load_tenant(folder)


def test_a_broken_tenant_does_not_stop_the_others_from_loading(tmp_path: Path) -> None:
    make_tenant(tmp_path, "good")
    make_tenant(tmp_path, "broken", extra="colour_scheme: dark\n")
    registry = TenantRegistry.from_folder(tmp_path, KNOWN)
    assert list(registry) == ["good"]
    assert [error.key for error in registry.errors] == ["colour_scheme"]
    assert "broken" in registry.errors[0].file


def test_validate_reports_the_errors_of_every_tenant(tmp_path: Path) -> None:
    make_tenant(tmp_path, "one", extra="colour_scheme: dark\n")
    make_tenant(tmp_path, "two", extra="allowed_origins: [https://x.example/path]\n")
    tenants, errors = validate_tenants([tmp_path], KNOWN)
    assert tenants == []
    where = [(Path(error.file).parent.name, error.key) for error in errors]
    assert where == [("one", "colour_scheme"), ("two", "allowed_origins[0]")]


def test_validate_accepts_a_single_tenant_folder_or_its_file(tmp_path: Path) -> None:
    folder = make_tenant(tmp_path)
    assert [t.slug for t in validate_tenants([folder])[0]] == ["proef"]
    assert [t.slug for t in validate_tenants([folder / "tenant.yaml"])[0]] == ["proef"]


def test_a_missing_tenant_directory_gives_an_empty_registry(tmp_path: Path) -> None:
    registry = TenantRegistry.from_folder(tmp_path / "nowhere", KNOWN)
    assert len(registry) == 0 and registry.errors == ()


def test_hidden_folders_are_not_tenants(tmp_path: Path) -> None:
    make_tenant(tmp_path)
    (tmp_path / ".git").mkdir()
    assert list(TenantRegistry.from_folder(tmp_path)) == ["proef"]


def test_origins_are_stored_normalised_and_the_frame_ancestors_list_them(tmp_path: Path) -> None:
    folder = make_tenant(tmp_path, extra="allowed_origins:\n  - HTTPS://Www.Proef.Example:443\n  - http://localhost:8080\n")
    tenant = load_tenant(folder)
    assert tenant.allowed_origins == ("https://www.proef.example", "http://localhost:8080")
    assert tenant.frame_ancestors() == "https://www.proef.example http://localhost:8080"
    assert tenant.allows_origin("https://www.proef.example")
    assert tenant.allows_origin("https://WWW.proef.example:443")
    assert not tenant.allows_origin("https://evil.example")
    assert not tenant.allows_origin("null")
    assert not tenant.allows_origin(None)

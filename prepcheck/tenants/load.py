"""A tenant folder -> Tenant: structure checked against the JSON Schema, then meaning, all errors at once."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jsonschema import Draft202012Validator

from prepcheck.engine.load import LoadError
from prepcheck.engine.yaml_source import LineDict, YamlProblem, format_path, line_of, read_yaml
from prepcheck.tenants import checks
from prepcheck.tenants.colours import normalise_colour
from prepcheck.tenants.logo import LogoProblem, check_logo
from prepcheck.tenants.model import Broadcaster, LocalInfo, LocalRisk, SupportPoint, Tenant, Theme
from prepcheck.tenants.origins import normalise_origin
from prepcheck.tenants.schema import PHONE_PATTERN, QUESTIONNAIRE_ID_PATTERN, SHA256_PATTERN, TENANT_SCHEMA
from prepcheck.tenants.theme import DEFAULT_COLOURS, DEFAULT_FONT_STACK, DEFAULT_RADIUS

TENANT_FILE = "tenant.yaml"
MAX_TENANT_FILE_BYTES = 100_000
SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
_STRUCTURE_VALIDATOR = Draft202012Validator(TENANT_SCHEMA)
_PATTERN_MESSAGES = {
    SHA256_PATTERN: "must be the 64 lower-case hexadecimal characters printed by `prepcheck tenant-token`",
    PHONE_PATTERN: 'is not a phone number: digits, spaces, + - ( ), in quotes, e.g. "112"',
    QUESTIONNAIRE_ID_PATTERN: "is not a questionnaire id (lower case letters, digits and _)",
}
_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a mapping of keys", "boolean": "true or false"}


class TenantError(ValueError):
    """A tenant that cannot be used; `errors` holds every problem found."""

    def __init__(self, errors: list[LoadError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


def _structure_errors(document: Any, filename: str) -> list[LoadError]:
    """Check the document against the JSON Schema, with plain messages that never echo long values."""
    errors: list[LoadError] = []
    for error in _STRUCTURE_VALIDATOR.iter_errors(document):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = sorted(error.schema.get("properties", {}))
            for key in sorted(set(error.instance) - set(allowed)):
                message = f"unknown key (known keys: {', '.join(allowed)})"
                # A key is echoed in the output, so a hostile one is shown escaped and cut short.
                shown = key if key.isprintable() and len(key) <= 60 else checks.short(key)
                errors.append(LoadError(filename, line_of(document, [*path, key]), format_path([*path, shown]), message))
            continue
        if error.validator == "required" and isinstance(error.instance, dict):
            for key in [key for key in error.validator_value if key not in error.instance]:
                errors.append(LoadError(filename, line_of(document, path), format_path([*path, key]), "this key is required"))
            continue
        errors.append(LoadError(filename, line_of(document, path), format_path(path), _plain_message(error, path)))
    return errors


def _plain_message(error: Any, path: list[str | int]) -> str:
    """A short message for each kind of schema error."""
    value, rule = error.instance, error.validator_value
    shown = checks.short(value)
    if error.validator == "type":
        if path and path[-1] in ("emergency_number", "non_emergency_number") and isinstance(value, int):
            return f'write the phone number in quotes, e.g. "{value}" (unquoted, a leading 0 is lost)'
        if path and path[-1] == "radius" and isinstance(value, int):
            return f'write the radius with its unit, in quotes, e.g. "{value}px" (or "0")'
        if value is None and len(path) >= 2 and path[-2] == "colours":
            return 'no colour given: put it in quotes, e.g. "#154273" (an unquoted # starts a comment)'
        return f"{shown} should be {_TYPE_NAMES.get(rule, rule)}"
    if error.validator == "pattern":
        return f"{shown} {_PATTERN_MESSAGES.get(rule, 'has the wrong form')}"
    if error.validator == "enum":
        return f"{shown} is not a supported language (use one of: {', '.join(map(str, rule))})"
    if error.validator == "maxLength":
        return f"too long: at most {rule} characters"
    if error.validator == "minLength":
        return "must not be empty"
    if error.validator == "maxItems":
        return f"too many items: at most {rule}"
    if error.validator == "minItems":
        return f"list at least {rule} item"
    if error.validator == "uniqueItems":
        return "lists the same value twice"
    return str(error.message)[:200]


def _meaning_errors(document: LineDict, folder: Path, filename: str, known: Collection[str] | None) -> list[LoadError]:
    """Every meaning check, as LoadErrors with the line of the key concerned."""
    problems = [
        *checks.text_problems(document),
        *checks.theme_problems(document.get("theme")),
        *checks.origin_problems(document.get("allowed_origins")),
        *checks.link_problems(document),
        *checks.questionnaire_problems(document.get("questionnaires"), known),
    ]
    logo = document.get("logo")
    if isinstance(logo, str):
        try:
            check_logo(folder, logo)
        except LogoProblem as problem:
            problems.append((["logo"], str(problem)))
    return [LoadError(filename, line_of(document, path), format_path(path), message) for path, message in problems]


def _build(document: LineDict, folder: Path) -> Tenant:
    """The Tenant from a document that passed both layers."""
    theme = document.get("theme", {})
    colours = {**DEFAULT_COLOURS, **{key: normalise_colour(value) for key, value in theme.get("colours", {}).items()}}
    local = document["local"]
    broadcaster = local.get("broadcaster")
    return Tenant(
        slug=folder.name,
        name=document["name"],
        folder=folder.resolve(),
        theme=Theme(MappingProxyType(colours), theme.get("font_stack", DEFAULT_FONT_STACK), theme.get("radius", DEFAULT_RADIUS)),
        default_language=document["default_language"],
        questionnaires=tuple(document["questionnaires"]),
        local=LocalInfo(
            emergency_number=local["emergency_number"],
            safety_region=local.get("safety_region"),
            broadcaster=Broadcaster(broadcaster["name"], broadcaster.get("frequency")) if broadcaster else None,
            non_emergency_number=local.get("non_emergency_number"),
            support_points=tuple(
                SupportPoint(point["name"], point.get("address"), point.get("description"))
                for point in local.get("support_points", [])
            ),
            risks=tuple(LocalRisk(r["title"], r.get("url")) for r in local.get("risks", [])),
            contact_url=local.get("contact_url"),
        ),
        privacy_contact=document["privacy_contact"],
        allowed_origins=tuple(dict.fromkeys(normalise_origin(o) for o in document.get("allowed_origins", []))),
        logo=check_logo(folder, document["logo"]) if "logo" in document else None,
        admin_token_sha256=document.get("admin_token_sha256"),
    )


def load_tenant(folder: str | Path, known_questionnaires: Collection[str] | None = None) -> Tenant:
    """Load one tenant folder; raise TenantError listing every problem (unknown ids checked if ids are given)."""
    folder = Path(folder)
    file_path = folder / TENANT_FILE
    filename = str(file_path)
    if not SLUG_PATTERN.match(folder.name):
        message = f"the folder name {checks.short(folder.name)} is the tenant's slug: use a-z, 0-9 and -, at most 64"
        raise TenantError([LoadError(filename, 1, "(folder)", message)])
    if not file_path.is_file():
        raise TenantError([LoadError(filename, 1, "(file)", f"the tenant folder has no {TENANT_FILE}")])
    try:
        if file_path.stat().st_size > MAX_TENANT_FILE_BYTES:
            raise TenantError([LoadError(filename, 1, "(file)", f"the file is larger than {MAX_TENANT_FILE_BYTES // 1000} KB")])
        text = file_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TenantError([LoadError(filename, 1, "(file)", f"cannot read the file: {error}")]) from None
    try:
        document = read_yaml(text)
    except YamlProblem as problem:
        raise TenantError([LoadError(filename, problem.line, "(file)", problem.message)]) from None
    if not isinstance(document, LineDict):
        raise TenantError([LoadError(filename, 1, "(file)", "tenant.yaml must be a mapping of keys")])
    errors = _structure_errors(document, filename)
    flagged = {error.key for error in errors}
    # The meaning checks are written to cope with a broken structure, so both layers are reported together.
    errors += [error for error in _meaning_errors(document, folder, filename, known_questionnaires) if error.key not in flagged]
    if errors:
        raise TenantError(errors)
    return _build(document, folder)


def tenant_folders(paths: Iterable[str | Path]) -> list[Path]:
    """Tenant folders named directly (holding tenant.yaml) or as sub-folders of the given folders."""
    folders: list[Path] = []
    for path in map(Path, paths):
        if path.name == TENANT_FILE:
            folders.append(path.parent)
        elif (path / TENANT_FILE).is_file():
            folders.append(path)
        elif path.is_dir():
            folders.extend(sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))))
        else:
            folders.append(path)
    return folders


def validate_tenants(
    paths: Iterable[str | Path], known_questionnaires: Collection[str] | None = None
) -> tuple[list[Tenant], list[LoadError]]:
    """Load every tenant under the given folders; collect all errors of all tenants (for `prepcheck validate`)."""
    loaded: list[Tenant] = []
    errors: list[LoadError] = []
    slugs: dict[str, Path] = {}
    for folder in tenant_folders(paths):
        try:
            tenant = load_tenant(folder, known_questionnaires)
        except TenantError as error:
            errors.extend(error.errors)
            continue
        if tenant.slug in slugs:
            message = f"the slug '{tenant.slug}' is also used by {slugs[tenant.slug]}"
            errors.append(LoadError(str(folder / TENANT_FILE), 1, "(folder)", message))
            continue
        slugs[tenant.slug] = folder
        loaded.append(tenant)
    return loaded, errors

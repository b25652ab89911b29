"""Stand-in command line until `prepcheck validate` covers tenants: `python -m prepcheck.tenants validate|token`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from prepcheck.tenants.load import validate_tenants
from prepcheck.tenants.model import Tenant
from prepcheck.tenants.registry import EXAMPLES_DIR
from prepcheck.tenants.tokens import new_admin_token


def summary(tenant: Tenant) -> str:
    """One 'ok' line for a tenant that validated."""
    origins = ", ".join(tenant.allowed_origins) or "no embedding"
    return f"ok  {tenant.folder} ({tenant.slug}: {tenant.name}; {tenant.default_language}; {origins})"


def token_text() -> str:
    """A new admin token and the tenant.yaml line holding its hash, ready to print."""
    token, digest = new_admin_token()
    return (
        f"Admin token (give it to the municipality; it is not stored anywhere):\n  {token}\n"
        f"Put this line in the tenant's tenant.yaml:\n  admin_token_sha256: {digest}\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Validate tenant folders (default: the shipped examples) or print a new admin token."""
    parser = argparse.ArgumentParser(prog="python -m prepcheck.tenants")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check tenant folders and print every error")
    validate.add_argument("paths", nargs="*", type=Path)
    commands.add_parser("token", help="make a new admin token and its hash")
    args = parser.parse_args(argv)
    if args.command == "token":
        print(token_text(), end="")
        return 0
    from prepcheck.config import settings_from_env  # only validation needs the questionnaires
    from prepcheck.engine.questionnaires import QuestionnaireRegistry

    known = set(QuestionnaireRegistry.from_folder(settings_from_env().questionnaire_dir))
    tenants, errors = validate_tenants(args.paths or [EXAMPLES_DIR], known)
    for error in errors:
        print(error, file=sys.stderr)
    for tenant in tenants:
        print(summary(tenant))
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""The tenants the app serves: every folder in the tenant directory, loaded once; broken ones left out, with errors."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

from prepcheck.engine.load import LoadError
from prepcheck.tenants.load import validate_tenants
from prepcheck.tenants.model import Tenant

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"
"""The two fictional example tenants shipped in the package."""


class TenantRegistry(Mapping[str, Tenant]):
    """Loaded tenants by slug; `errors` holds the problems of the tenants that were left out."""

    def __init__(self, tenants: Collection[Tenant] = (), errors: Collection[LoadError] = ()) -> None:
        self._by_slug = MappingProxyType({tenant.slug: tenant for tenant in tenants})
        self.errors: tuple[LoadError, ...] = tuple(sorted(errors))

    @classmethod
    def from_folder(cls, folder: str | Path | None, known_questionnaires: Collection[str] | None = None) -> TenantRegistry:
        """Load each sub-folder of `folder`; a missing folder gives an empty registry, a broken tenant is skipped."""
        if folder is None or not Path(folder).is_dir():
            return cls()
        tenants, errors = validate_tenants([folder], known_questionnaires)
        return cls(tenants, errors)

    def __getitem__(self, slug: str) -> Tenant:
        return self._by_slug[slug]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_slug)

    def __len__(self) -> int:
        return len(self._by_slug)


def default_tenant_dir(instance_path: str | Path) -> Path:
    """Where tenants live unless configured otherwise: `<instance>/tenants`."""
    return Path(instance_path) / "tenants"


def load_registry(
    tenant_dir: str | Path | None, include_examples: bool, known_questionnaires: Collection[str] | None = None
) -> TenantRegistry:
    """The app's tenants: every folder in `tenant_dir` (if it exists) and, when asked, the shipped examples.

    A tenant in `tenant_dir` with an example's slug replaces that example rather than clashing with it.
    """
    own: list[Tenant] = []
    errors: list[LoadError] = []
    if tenant_dir is not None and Path(tenant_dir).is_dir():
        own, errors = validate_tenants([tenant_dir], known_questionnaires)
    examples: list[Tenant] = []
    if include_examples:
        taken = {tenant.slug for tenant in own} | {Path(error.file).parent.name for error in errors}
        loaded, example_errors = validate_tenants([EXAMPLES_DIR], known_questionnaires)
        examples = [tenant for tenant in loaded if tenant.slug not in taken]
        errors += [error for error in example_errors if Path(error.file).parent.name not in taken]
    return TenantRegistry([*own, *examples], errors)

"""Municipality configuration: tenant folders, their validation, themes, embedding origins and admin tokens."""

from prepcheck.tenants.load import TENANT_FILE, TenantError, load_tenant, validate_tenants
from prepcheck.tenants.model import Broadcaster, LocalInfo, LocalRisk, SupportPoint, Tenant, Theme
from prepcheck.tenants.registry import EXAMPLES_DIR, TenantRegistry, default_tenant_dir
from prepcheck.tenants.schema import TENANT_SCHEMA
from prepcheck.tenants.theme import css_variables, theme_css
from prepcheck.tenants.tokens import check_admin_token, hash_admin_token, new_admin_token

__all__ = [
    "EXAMPLES_DIR",
    "TENANT_FILE",
    "TENANT_SCHEMA",
    "Broadcaster",
    "LocalInfo",
    "LocalRisk",
    "SupportPoint",
    "Tenant",
    "TenantError",
    "TenantRegistry",
    "Theme",
    "check_admin_token",
    "css_variables",
    "default_tenant_dir",
    "hash_admin_token",
    "load_tenant",
    "new_admin_token",
    "theme_css",
    "validate_tenants",
]

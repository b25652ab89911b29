"""What the PDF needs from a tenant: the cover branding, the logo as a fetcher asset, and the local radio line."""

from __future__ import annotations

from pathlib import Path

from prepcheck.report.html import Branding
from prepcheck.tenants.model import Tenant


def pdf_branding(tenant: Tenant) -> tuple[Branding, dict[str, Path]]:
    """The Branding for ReportRequest and the extra assets for BundledAssetFetcher (`{asset_key: path}`)."""
    key = tenant.logo_asset_key
    assets = {key: tenant.logo} if key is not None and tenant.logo is not None else {}
    return Branding(name=tenant.name, logo_asset=key), assets


def local_radio_text(tenant: Tenant) -> str | None:
    """'Radio M Utrecht, 93.1 FM' for ReportRequest.local_radio, or None without a broadcaster."""
    return tenant.local.broadcaster.text if tenant.local.broadcaster else None

"""What the PDF needs from a tenant: the cover branding, the logo as a fetcher asset, and the local radio line."""

from __future__ import annotations

from pathlib import Path

from prepcheck.report.html import Branding
from prepcheck.tenants.model import Tenant
from prepcheck.views.model import LocalRiskView, MunicipalityView, SupportPointView


def pdf_branding(tenant: Tenant) -> tuple[Branding, dict[str, Path]]:
    """The Branding for ReportRequest and the extra assets for BundledAssetFetcher (`{asset_key: path}`)."""
    key = tenant.logo_asset_key
    assets = {key: tenant.logo} if key is not None and tenant.logo is not None else {}
    return Branding(name=tenant.name, logo_asset=key), assets


def local_radio_text(tenant: Tenant) -> str | None:
    """'Radio M Utrecht, 93.1 FM' for the plan's radio line (LocalInfoView.radio), or None without a broadcaster."""
    return tenant.local.broadcaster.text if tenant.local.broadcaster else None


def pdf_local_info(tenant: Tenant) -> MunicipalityView:
    """The tenant's local information as the plan's page shows it (PlanService.request_for's `local`)."""
    local = tenant.local
    return MunicipalityView(
        name=tenant.name,
        safety_region=local.safety_region,
        broadcaster=local.broadcaster.text if local.broadcaster else None,
        emergency_number=local.emergency_number,
        non_emergency_number=local.non_emergency_number,
        support_points=tuple(SupportPointView(point.name, point.address, point.description) for point in local.support_points),
        risks=tuple(LocalRiskView(risk.title, risk.url) for risk in local.risks),
        contact_url=local.contact_url,
    )

"""The tenant in the URL: /embed/<tenant>[/h<n>]/… serves the journey framed, themed and with local information.

A WSGI middleware moves the prefix into SCRIPT_NAME (like the language prefix, which may follow it), so every
`url_for` keeps it and the journey's blueprints serve embed pages unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Set
from pathlib import Path
from typing import Any

from flask import Flask, Request, Response, g, request

from prepcheck.services import services
from prepcheck.tenants import Tenant
from prepcheck.tenants.branding import local_radio_text, pdf_branding, pdf_local_info
from prepcheck.tenants.registry import TenantRegistry
from prepcheck.web.errors import ProblemPage

TENANT_KEY = "prepcheck.tenant"
HEADING_KEY = "prepcheck.heading_level"
NOT_FRAMED_ENDPOINTS = frozenset({"embed.snippet"})
"""Pages under the embed prefix that are for the municipality's editor, not for its residents' iframe."""
_PREFIX = re.compile(r"^/embed/([a-z0-9-]{1,64})(?:/h([2-6]))?(?=/|$)")
_HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s>])")

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class EmbedPrefix:
    """WSGI middleware: /embed/<tenant>[/h<n>]/… becomes SCRIPT_NAME /embed/<tenant>[/h<n>] and PATH_INFO /…."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        match = _PREFIX.match(path)
        if match:
            environ[TENANT_KEY] = match.group(1)
            environ[HEADING_KEY] = int(match.group(2) or 1)
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + match.group(0)
            environ["PATH_INFO"] = path[match.end() :] or "/"
        return self.app(environ, start_response)


def tenants() -> TenantRegistry:
    return services().tenants


def current_tenant() -> Tenant | None:
    """The tenant named in the URL, or None outside /embed/."""
    tenant: Tenant | None = g.get("tenant")
    return tenant


def is_embedded() -> bool:
    """Whether this page is one of a tenant's framed pages (without site chrome, in its theme)."""
    return current_tenant() is not None and request.endpoint not in NOT_FRAMED_ENDPOINTS


def tenant_offers(questionnaire_id: str) -> bool:
    """Whether the questionnaire may be used here: always outside /embed/, else when the tenant offers it."""
    tenant = current_tenant()
    return tenant is None or tenant.offers(questionnaire_id)


def _resolve_tenant() -> None:
    """Before every request under /embed/: the tenant, or a 'not found' page; framing for its origins only."""
    slug = request.environ.get(TENANT_KEY)
    if slug is None:
        return
    tenant = tenants().get(slug)
    if tenant is None:
        raise ProblemPage(404)
    g.tenant = tenant
    if is_embedded():
        g.frame_ancestors = tenant.frame_ancestors()


def _tenant_locale(req: Request) -> str | None:
    """The tenant's default language when the URL names a tenant and no language."""
    slug = req.environ.get(TENANT_KEY)
    tenant = tenants().get(slug) if slug else None
    return tenant.default_language if tenant else None


def _api_origins(req: Request) -> Set[str]:
    """CORS for the API: the tenant's origins under /embed/<tenant>/api, else those of every tenant (it is stateless)."""
    slug = req.environ.get(TENANT_KEY)
    registry = tenants()
    if slug:
        tenant = registry.get(slug)
        return frozenset(tenant.allowed_origins) if tenant else frozenset()
    return frozenset(origin for tenant in registry.values() for origin in tenant.allowed_origins)


def _offset_headings(response: Response) -> Response:
    """With /h<n>/ in the URL, the page's h1 becomes h<n> and every heading below it moves down alike (at most h6)."""
    level = request.environ.get(HEADING_KEY, 1)
    if level <= 1 or response.mimetype != "text/html" or response.direct_passthrough or not is_embedded():
        return response
    offset = level - 1
    html = response.get_data(as_text=True)
    response.set_data(_HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + offset)}", html))
    return response


def _template_values() -> dict[str, Any]:
    tenant = current_tenant()
    embedded = is_embedded()
    return {
        "tenant": tenant,
        "embedded": embedded,
        "embed_origins": " ".join(tenant.allowed_origins) if tenant and embedded else "",
    }


def install(app: Flask) -> None:
    """Wrap the app in the prefix middleware (outside the language prefix) and set the tenant hooks."""
    app.wsgi_app = EmbedPrefix(app.wsgi_app)  # type: ignore[method-assign]
    app.extensions["prepcheck.tenant_locale"] = _tenant_locale
    app.extensions["prepcheck.api_cors_origins"] = _api_origins
    app.before_request(_resolve_tenant)
    app.after_request(_offset_headings)
    app.context_processor(_template_values)


def tenant_report_options() -> dict[str, Any]:
    """PlanService.request_for keywords for the tenant in the URL: name and logo on the cover, radio, local page."""
    tenant = current_tenant()
    if tenant is None:
        return {}
    branding, _assets = pdf_branding(tenant)
    return {"branding": branding, "radio": local_radio_text(tenant), "local": pdf_local_info(tenant)}


def tenant_assets() -> dict[str, Path] | None:
    """The tenant's logo for the PDF fetcher, or None."""
    tenant = current_tenant()
    return pdf_branding(tenant)[1] if tenant is not None else None

"""Embedding: the tenant's theme as CSS, the two small scripts, and the snippet page for the municipality's editor."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, render_template, request, url_for
from markupsafe import escape

from prepcheck.config import SUPPORTED_LOCALES
from prepcheck.services import services
from prepcheck.tenants import theme_css
from prepcheck.web.locale import NATIVE_NAMES
from prepcheck.web.tenancy import current_tenant
from prepcheck.web.translate import _

blueprint = Blueprint("embed", __name__)

SCRIPT_VERSION = 1
"""Raise with every change to the scripts: the URL names the version, so host pages' SRI hashes keep matching."""
_SCRIPTS = Path(__file__).resolve().parents[1] / "static" / "embed"
_HEADING_LEVELS = ("1", "2", "3", "4", "5")
MIN_HEIGHT = "40rem"


@lru_cache(maxsize=4)
def script_bytes(name: str) -> bytes:
    return (_SCRIPTS / f"{name}-{SCRIPT_VERSION}.js").read_bytes()


def sri_hash(name: str) -> str:
    """The Subresource Integrity value of a script: sha384, base64."""
    return "sha384-" + base64.b64encode(hashlib.sha384(script_bytes(name)).digest()).decode()


def _script(name: str, cross_origin: bool) -> Response:
    response = Response(script_bytes(name), mimetype="text/javascript")
    # Versioned URL: the content never changes, so it may be cached for a long time.
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    if cross_origin:
        # The host page loads it with crossorigin="anonymous" so the browser can check the SRI hash.
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@blueprint.get(f"/embed-resize-{SCRIPT_VERSION}.js")
def resize_script() -> Response:
    """The optional script for the host page (served at the site's root, outside any tenant)."""
    return _script("resize", cross_origin=True)


@blueprint.get(f"/embed-frame-{SCRIPT_VERSION}.js")
def frame_script() -> Response:
    """The script inside the iframe; it only runs on a tenant's embed pages."""
    return _script("frame", cross_origin=False)


@blueprint.get("/theme.css")
def theme() -> Response:
    """The tenant's token values as CSS custom properties, after prepcheck's own stylesheet."""
    tenant = current_tenant()
    if tenant is None:
        abort(404)
    response = Response(theme_css(tenant.theme), mimetype="text/css")
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a select on the snippet page."""

    value: str
    label: str
    selected: bool


def _iframe_url(slug: str, heading: str, language: str) -> str:
    parts = [f"{services().site.base()}/embed/{slug}"]
    if heading != "1":
        parts.append(f"h{heading}")
    if language:
        parts.append(language)
    return "/".join(parts) + "/"


def snippet_html(title: str, iframe_url: str, link_text: str, script_url: str, integrity: str) -> str:
    """The HTML the municipality pastes: a plain iframe, a fallback link and the optional resize script."""
    title, link_text = escape(title), escape(link_text)
    return (
        f'<iframe src="{iframe_url}" title="{title}" data-prepcheck\n'
        f'        style="width: 100%; min-height: {MIN_HEIGHT}; border: 0"></iframe>\n'
        f'<p><a href="{iframe_url}" target="_blank" rel="noopener">{link_text}</a></p>\n'
        f'<script src="{script_url}"\n'
        f'        integrity="{integrity}" crossorigin="anonymous" defer></script>\n'
    )


@blueprint.get("/snippet")
def snippet() -> str:
    """What to paste into the web editor, for the chosen language and heading level."""
    tenant = current_tenant()
    if tenant is None:
        abort(404)
    language = request.args.get("language", "")
    language = language if language in SUPPORTED_LOCALES else ""
    heading = request.args.get("heading", "1")
    heading = heading if heading in _HEADING_LEVELS else "1"
    iframe_url = _iframe_url(tenant.slug, heading, language)
    title = _("Preparedness check of %(name)s", name=tenant.name)
    script_url = services().site.base() + f"/embed-resize-{SCRIPT_VERSION}.js"
    code = snippet_html(title, iframe_url, _("Open the preparedness check in a new window"), script_url, sri_hash("resize"))
    languages = [Choice("", _("The municipality's language (%(code)s)", code=tenant.default_language), not language)]
    languages += [Choice(code, NATIVE_NAMES[code], code == language) for code in SUPPORTED_LOCALES]
    headings = [Choice(level, f"h{level}", level == heading) for level in _HEADING_LEVELS]
    return render_template(
        "embed_snippet.html",
        tenant=tenant,
        code=code,
        iframe_url=iframe_url,
        languages=languages,
        headings=headings,
        form_action=url_for("embed.snippet"),
        min_height=MIN_HEIGHT,
    )

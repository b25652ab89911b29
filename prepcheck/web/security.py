"""Cookie-less protection: signed form tokens, the same-origin check for POSTs, and security headers."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask, Response, abort, current_app, g, request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from werkzeug.datastructures import MultiDict

TOKEN_FIELD = "token"  # noqa: S105 - a form field name, not a secret
_SAFE_FETCH_SITES = frozenset({"same-origin", "none"})
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"
)
# The check uses no device features: turn them all off, also for anything a host page might try through the frame.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "accelerometer=(), gyroscope=(), magnetometer=(), midi=(), display-capture=(), fullscreen=()"
)
HSTS = "max-age=31536000; includeSubDomains"


class TokenExpired(Exception):
    """The form was signed correctly but is older than the allowed age."""


class TokenInvalid(Exception):
    """The form's token is missing, forged, or made for another response or page."""


@dataclass(frozen=True, slots=True)
class FormBinding:
    """What a form token binds: the response, the page and the document revision it was shown at."""

    response_id: str
    page: str
    revision: int


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="prepcheck.form")


def form_token(binding: FormBinding) -> str:
    """A signed token for a form; it carries its own creation time."""
    return _serializer().dumps([binding.response_id, binding.page, binding.revision])


def check_form_token(token: str | None, response_id: str, page: str) -> int:
    """The revision the form was shown at; raises TokenInvalid or TokenExpired."""
    if not token or len(token) > 512:
        raise TokenInvalid
    max_age = current_app.config["PREPCHECK_SETTINGS"].form_token_max_age
    try:
        bound_id, bound_page, revision = _serializer().loads(token, max_age=max_age)
    except SignatureExpired as error:
        raise TokenExpired from error
    except (BadSignature, ValueError, TypeError) as error:
        raise TokenInvalid from error
    if bound_id != response_id or bound_page != page or not isinstance(revision, int):
        raise TokenInvalid
    return revision


def _same_origin() -> bool:
    """Browsers say where a request comes from; requests without either header come from no browser."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in _SAFE_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.netloc}" == request.host_url.rstrip("/")


def csp_nonce() -> str:
    """A nonce for this response's inline scripts; a page that asks for one gets `script-src 'nonce-…'` in its CSP."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return str(g.csp_nonce)


API_PREFIX = "/api/"


def refuse_cross_site_posts() -> None:
    """Before every unsafe request: refuse it unless it comes from this site."""
    # The JSON API takes no forms and no cookies and stores nothing; CORS decides who may call it.
    if request.path.startswith(API_PREFIX):
        return
    if request.method not in ("GET", "HEAD", "OPTIONS") and not _same_origin():
        abort(403)


def add_security_headers(response: Response) -> Response:
    """No referrer leaves the site (the URL holds the response id), no caching of answers, a strict CSP."""
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    # Embed pages of a tenant name its allowed origins (set by prepcheck.web.embed); every other page refuses framing.
    ancestors = g.get("frame_ancestors") or "'none'"
    response.headers.setdefault("Content-Security-Policy", f"{CONTENT_SECURITY_POLICY}; frame-ancestors {ancestors}")
    if ancestors == "'none'":
        response.headers.setdefault("X-Frame-Options", "DENY")
    if "csp_nonce" in g and "script-src" not in response.headers["Content-Security-Policy"]:
        response.headers["Content-Security-Policy"] += f"; script-src 'nonce-{g.csp_nonce}'"
    if request.endpoint not in (None, "static"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def install(app: Flask) -> None:
    """Attach the origin check and the headers to the app."""
    app.before_request(refuse_cross_site_posts)
    app.after_request(add_security_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce


_NONCHARACTERS = "".join(chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ud800-\udfff" + _NONCHARACTERS + "]")


def printable(text: str) -> str:
    """The text without control characters, surrogates and non-characters (HTML cannot carry them)."""
    return _UNPRINTABLE.sub("", text)


def printable_form(form: MultiDict[str, str]) -> MultiDict[str, str]:
    """A copy of the form with every name and value made printable, before anything is checked or stored."""
    return MultiDict([(printable(name), printable(value)) for name, value in form.items(multi=True)])

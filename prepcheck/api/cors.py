"""CORS for the API: off unless the app names allowed origins, per request (so per tenant)."""

from __future__ import annotations

from collections.abc import Callable, Set

from flask import Flask, Request, Response, current_app, request

CORS_ORIGINS_EXTENSION = "prepcheck.api_cors_origins"
"""app.extensions key: a callable that takes the request and returns the set of origins allowed for it."""

AllowedOrigins = Callable[[Request], Set[str]]
ALLOWED_METHODS = "GET, POST, OPTIONS"
ALLOWED_HEADERS = "Content-Type, Accept, Accept-Language"
EXPOSED_HEADERS = "Content-Language, Content-Disposition"
PREFLIGHT_MAX_AGE = "600"


def no_origins(_request: Request) -> Set[str]:
    """The default: no other origin may call the API from a browser."""
    return frozenset()


def is_api_request() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def allowed_origin() -> str | None:
    """The request's Origin when the app allows it for this request, else None."""
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return None
    allowed: AllowedOrigins = current_app.extensions.get(CORS_ORIGINS_EXTENSION, no_origins)
    try:
        origins = allowed(request)
    except Exception:  # a broken tenant set-up must close CORS, not open it or fail the request
        current_app.logger.exception("the API's CORS origins callable failed")
        return None
    return origin if origin in origins else None


def preflight() -> Response | None:
    """Answer a CORS preflight for an allowed origin; anything else goes on as a normal request."""
    if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
        return None
    origin = allowed_origin()
    if origin is None:
        return None
    response = Response(status=204)
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    response.headers["Vary"] = "Origin"
    return response


def add_cors_headers(response: Response) -> Response:
    """After every API response: name the origin when it is allowed, and always vary on Origin."""
    if not is_api_request():
        return response
    response.vary.add("Origin")
    origin = allowed_origin()
    if origin is not None and "Access-Control-Allow-Origin" not in response.headers:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response


def install(app: Flask) -> None:
    """Default to no origins and add the headers hook."""
    app.extensions.setdefault(CORS_ORIGINS_EXTENSION, no_origins)
    app.after_request(add_cors_headers)

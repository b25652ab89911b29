"""The JSON API (/api/v1): questionnaires, assessments, PDFs and re-check codes, described by OpenAPI 3.1."""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, RequestRedirect

from prepcheck.api import cors
from prepcheck.api.problems import from_http_error

__all__ = ["register_api"]

API_ROUTES_EXTENSION = "prepcheck.api_routes"


def _api_routing_error() -> HTTPException | None:
    """Why an /api request matched no API operation (404 or 405), or None when it did."""
    routing_error = request.routing_exception
    if isinstance(routing_error, HTTPException) and not isinstance(routing_error, RequestRedirect):
        return routing_error
    if request.blueprint == "api":
        return None
    # The web's catch-all routes (/<questionnaire>/<response>/<page>) also match /api/v1/...: ask the API's rules alone.
    try:
        current_app.extensions[API_ROUTES_EXTENSION].bind_to_environ(request.environ).match()
    except RequestRedirect:
        return None
    except HTTPException as error:
        return error
    return None  # pragma: no cover - an API rule would have won the match


def _options() -> Response:
    """OPTIONS that is no allowed preflight: the API's own methods (Flask would add those of the web's catch-all routes)."""
    adapter = current_app.extensions[API_ROUTES_EXTENSION].bind_to_environ(request.environ)
    response = Response(status=204)
    response.headers["Allow"] = ", ".join(sorted(adapter.allowed_methods()))
    return response


def _api_gate() -> Response | None:
    """Before any request under /api: routing errors as problem+json, CORS preflights, and plain OPTIONS."""
    if not cors.is_api_request():
        return None
    routing_error = _api_routing_error()
    if routing_error is not None:
        return from_http_error(routing_error)
    if request.method == "OPTIONS":
        return cors.preflight() or _options()
    return None


def register_api(app: Flask) -> None:
    """Attach the API blueprint, its problem+json handling and CORS to the app (after the web blueprints)."""
    from prepcheck.api.routes import blueprint

    if blueprint.name in app.blueprints:
        return
    app.register_blueprint(blueprint)
    api_rules = [rule.empty() for rule in app.url_map.iter_rules() if rule.endpoint.startswith("api.")]
    app.extensions[API_ROUTES_EXTENSION] = Map(api_rules, strict_slashes=app.url_map.strict_slashes)
    # First of all hooks, so that an unknown /api address or a preflight never reaches the web's hooks.
    app.before_request_funcs.setdefault(None, []).insert(0, _api_gate)
    cors.install(app)

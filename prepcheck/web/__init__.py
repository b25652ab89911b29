"""The web front end: one blueprint per journey, cookie-less security, error pages and gettext."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Attach every journey's blueprint, the security hooks, error pages and Flask-Babel to the app."""
    from prepcheck.web import (
        admin,
        delete,
        embed,
        errors,
        landing,
        locale,
        plan_pdf,
        plan_status,
        proxy,
        questions,
        recheck,
        result,
        resume,
        security,
        sources,
        start,
        summary,
        tenancy,
    )

    locale.install(app)
    tenancy.install(app)  # outside the language prefix: /embed/<tenant>/<language>/…
    security.install(app)
    errors.install(app)
    for module in (landing, resume, start, recheck, sources, summary, result, plan_pdf, plan_status, delete, questions):
        app.register_blueprint(module.blueprint)
    app.register_blueprint(embed.blueprint)
    app.register_blueprint(admin.blueprint)
    proxy.install(app)  # outermost: the language prefix is read from the path the proxy forwarded


def install_host_check(app: Flask) -> None:
    """Before logs.install puts its request id first: refuse other host names before any other hook runs."""
    from prepcheck.web import hosts

    hosts.install(app)


def install_rate_limits(app: Flask) -> None:
    """After every blueprint (web and API) is registered: wrap the limited views."""
    from prepcheck.web import limits

    limits.install(app)

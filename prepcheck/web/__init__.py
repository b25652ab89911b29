"""The web front end: one blueprint per journey."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Attach every journey's blueprint to the app."""
    from prepcheck.web.landing import blueprint as landing

    app.register_blueprint(landing)

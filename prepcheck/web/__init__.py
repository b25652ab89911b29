"""The web front end: one blueprint per journey, cookie-less security, error pages and gettext."""

from __future__ import annotations

from flask import Flask
from flask_babel import Babel

from prepcheck.i18n.catalog import TRANSLATIONS_DIR

INTERFACE_LOCALE = "en"
"""The interface speaks English until the catalogs arrive (the languages issue adds locale selection)."""


def _locale() -> str:
    return INTERFACE_LOCALE


def register_blueprints(app: Flask) -> None:
    """Attach every journey's blueprint, the security hooks, error pages and Flask-Babel to the app."""
    from prepcheck.web import delete, errors, landing, questions, result, resume, security, start, summary

    app.config.setdefault("BABEL_DEFAULT_LOCALE", INTERFACE_LOCALE)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS_DIR))
    Babel(app, locale_selector=_locale)
    app.context_processor(lambda: {"html_lang": _locale()})
    security.install(app)
    errors.install(app)
    for module in (landing, resume, start, summary, result, delete, questions):
        app.register_blueprint(module.blueprint)

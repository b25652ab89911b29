"""Typed gettext for the web code (Flask-Babel's is untyped); extractors still find the `_` calls."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext


def _(message: str, **variables: Any) -> str:
    """The message in the reader's language, with %(name)s variables filled in."""
    return str(gettext(message, **variables))

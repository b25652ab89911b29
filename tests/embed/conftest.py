"""Embed fixtures: the app on the test questionnaires with one tenant of its own, and a cookie-less checked client."""

from tests.support.embed_setup import app, client

__all__ = ["app", "client"]

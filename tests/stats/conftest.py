"""Statistics fixtures: the embed app and client (one test tenant with an admin token)."""

from tests.support.embed_setup import app, client

__all__ = ["app", "client"]

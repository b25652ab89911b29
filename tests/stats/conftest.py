"""Statistics fixtures: the embed app and client (one test tenant with an admin token)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "embed"))
from embed_setup import app, client

__all__ = ["app", "client"]

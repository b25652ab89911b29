"""The WSGI app the web load benchmark serves: prepcheck plus a bare route that returns a fixed string (the ceiling)."""

from __future__ import annotations

from prepcheck import create_app

app = create_app()


@app.get("/bench/ceiling")
def ceiling() -> str:
    """What Flask alone costs on this server: no template, no database."""
    return "ok"

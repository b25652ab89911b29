"""Trust X-Forwarded-For/-Proto/-Host from the configured number of reverse proxies, and from nobody else."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def install(app: Flask) -> None:
    """Wrap the WSGI app so the client address, scheme and host are the ones the outermost trusted proxy saw.

    Without this, behind a proxy every request would come from the proxy's address (one rate-limit bucket for
    the whole country) and over plain http (the Origin check would refuse https forms from older browsers).
    With hops set too high a client could forge its address, so it stays 0 unless the operator sets it.
    """
    hops = app.config["PREPCHECK_SETTINGS"].proxy_hops
    if hops < 0:
        raise ValueError("PREPCHECK_PROXY_HOPS must be 0 or more")
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]

"""Embedding origins: scheme://host[:port], https only (http only for the local machine), normalised."""

from __future__ import annotations

import ipaddress
import re

LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
_DEFAULT_PORTS = {"https": 443, "http": 80}
_ORIGIN = re.compile(
    r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<host>\[[0-9A-Fa-f:.]+\]|[^/:?#\[\]@]+)(?::(?P<port>[0-9]{1,5}))?(?P<rest>.*)$"
)
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
MAX_ORIGIN_LENGTH = 253 + 20


def check_host(host: str) -> str:
    """A lower-case DNS name, IPv4 address or [IPv6] address; raise ValueError otherwise."""
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            raise ValueError(f"{host!r} is not an IPv6 address") from None
        return host
    if not host.isascii():
        raise ValueError("write an international domain name in its xn-- (punycode) form")
    if "*" in host:
        raise ValueError("wildcards are not allowed: list every site that may embed the check")
    host = host.lower().rstrip(".")
    labels = host.split(".")
    if not all(_LABEL.match(label) for label in labels):
        raise ValueError(f"{host!r} is not a host name")
    return host


def normalise_origin(text: str) -> str:
    """'HTTPS://Example.nl:443' -> 'https://example.nl'; raise ValueError with a reason if it is no origin."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("an origin is text like https://www.example.nl")
    if len(text) > MAX_ORIGIN_LENGTH or any(c.isspace() for c in text):
        raise ValueError(f"{text[:80]!r} is not an origin (too long, or contains spaces)")
    if "@" in text:
        raise ValueError(f"{text!r} is not an origin: user names and passwords are not allowed")
    match = _ORIGIN.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not an origin: write scheme://host[:port], e.g. https://www.example.nl")
    scheme = match["scheme"].lower()
    if match["rest"]:
        rest = match["rest"]
        hint = "remove the trailing /" if rest == "/" else "remove the path, query or fragment"
        raise ValueError(f"{text!r} is not an origin: only scheme://host[:port] is allowed ({hint})")
    host = check_host(match["host"])
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"{text!r} is not a web origin: use https://")
    if scheme == "http" and host not in LOCAL_HOSTS:
        raise ValueError(f"{text!r} uses http: only https is allowed, except for localhost and 127.0.0.1")
    port = match["port"]
    if port is not None:
        number = int(port)
        if not 1 <= number <= 65535:
            raise ValueError(f"{text!r} has a port outside 1-65535")
        if number != _DEFAULT_PORTS[scheme]:
            return f"{scheme}://{host}:{number}"
    return f"{scheme}://{host}"

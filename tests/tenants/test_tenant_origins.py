"""Embedding origins: scheme://host[:port], https (http only on the local machine), normalised for comparison."""

from __future__ import annotations

import pytest

from prepcheck.tenants.origins import normalise_origin


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("https://www.example.nl", "https://www.example.nl"),
        ("HTTPS://WWW.Example.NL", "https://www.example.nl"),
        ("https://www.example.nl:443", "https://www.example.nl"),
        ("https://www.example.nl:8443", "https://www.example.nl:8443"),
        ("http://localhost:5000", "http://localhost:5000"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://[::1]:8080", "http://[::1]:8080"),
        ("http://localhost:80", "http://localhost"),
        ("https://xn--gemeente-mnchen-zvb.example", "https://xn--gemeente-mnchen-zvb.example"),
    ],
)
def test_an_origin_is_normalised(text: str, origin: str) -> None:
    assert normalise_origin(text) == origin


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("https://www.example.nl/", "remove the trailing /"),
        ("https://www.example.nl/embed", "remove the path"),
        ("https://www.example.nl?x=1", "remove the path, query or fragment"),
        ("https://www.example.nl#top", "remove the path, query or fragment"),
        ("http://www.example.nl", "only https is allowed"),
        ("ftp://www.example.nl", "use https://"),
        ("javascript://www.example.nl", "use https://"),
        ("www.example.nl", "write scheme://host[:port]"),
        ("https://*.example.nl", "wildcards are not allowed"),
        ("*", "write scheme://host[:port]"),
        ("'self'", "write scheme://host[:port]"),
        ("https://user:pw@www.example.nl", "user names and passwords"),
        ("https://www.example.nl:99999", "port outside 1-65535"),
        ("https://www.exa mple.nl", "contains spaces"),
        ("https://-bad-.example", "is not a host name"),
        ("https://gemeente-münchen.example", "punycode"),
        ("https://www.example.nl; script-src *", "contains spaces"),
        ("", "an origin is text"),
    ],
)
def test_anything_else_is_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as raised:
        normalise_origin(text)
    assert reason in str(raised.value)


def test_a_very_long_value_is_refused_without_echoing_it_whole() -> None:
    with pytest.raises(ValueError) as raised:
        normalise_origin("https://" + "a" * 5000 + ".example")
    assert len(str(raised.value)) < 200

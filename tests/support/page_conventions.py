"""The page-convention check that every HTML page the tests render must pass."""

from __future__ import annotations

import re
from typing import Any

import html5lib
from bs4 import BeautifulSoup
from bs4.builder import HTML5TreeBuilder
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

_LABELLED_BY_ATTRIBUTE = ("aria-label", "aria-labelledby", "title")
_UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}
_PARSED_PAGE = "_prepcheck_parsed_page"


def _text(element: object) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()  # type: ignore[attr-defined]


class _ErrorKeepingHtml5(HTML5TreeBuilder):
    """BeautifulSoup's html5lib tree builder that keeps the parse errors html5lib finds on the way.

    A strict html5lib parse raises the first of these same errors; keeping them lets one parse both judge the HTML
    and give the tree, instead of parsing every page twice.
    """

    errors: list[str]

    def feed(self, markup: Any) -> None:
        parser = html5lib.HTMLParser(tree=self.create_treebuilder)
        assert self.underlying_builder is not None
        self.underlying_builder.parser = parser
        parser.parse(markup)
        self.underlying_builder.parser = None
        self.errors = [html5lib.constants.E[code] % datavars for _, code, datavars in parser.errors]


def parse_page(html: str) -> tuple[BeautifulSoup, list[str]]:
    """The page as BeautifulSoup builds it with html5lib, and html5lib's parse errors in it (none for valid HTML)."""
    builder = _ErrorKeepingHtml5()
    return BeautifulSoup(html, builder=builder), builder.errors


def parsed(response: TestResponse) -> BeautifulSoup:
    """The HTML page of the response, parsed once: the soup the checked client judged, else a new parse.

    Tests share it, so they read it and never change it.
    """
    page: BeautifulSoup | None = getattr(response, _PARSED_PAGE, None)
    if page is None:
        page = parse_page(response.get_data(as_text=True))[0]
        setattr(response, _PARSED_PAGE, page)
    return page


def page_problems(html: str) -> list[str]:
    """Every way the page breaks the conventions; empty when it keeps them all."""
    return soup_problems(*parse_page(html))


def soup_problems(soup: BeautifulSoup, parse_errors: list[str]) -> list[str]:
    """Every way the parsed page breaks the conventions; empty when it keeps them all."""
    problems: list[str] = []
    if parse_errors:
        problems.append(f"not valid HTML: {parse_errors[0]}")
    root = soup.find("html")
    if root is None or not root.get("lang"):
        problems.append("<html> has no lang")
    headings = soup.find_all("h1")
    title = soup.find("title")
    if len(headings) != 1:
        problems.append(f"{len(headings)} h1 elements, not exactly one")
    elif title is None or _text(headings[0]) not in _text(title):
        problems.append(f"<title> {title and _text(title)!r} does not contain the h1 {_text(headings[0])!r}")
    ids = [element["id"] for element in soup.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"duplicate ids: {duplicates}")
    labelled_ids = {label.get("for") for label in soup.find_all("label")}
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.name == "input" and control.get("type", "text") in _UNLABELLED_INPUT_TYPES:
            continue
        if control.get("id") in labelled_ids or any(control.get(a) for a in _LABELLED_BY_ATTRIBUTE):
            continue
        if control.find_parent("label") is None:
            problems.append(f"form control {control.get('name')!r} has no label")
    for element in soup.find_all(["script", "style"]):
        if element.name == "script" and element.get("src"):
            continue
        if not element.get("nonce"):
            problems.append(f"inline <{element.name}> without a nonce")
    for element in soup.find_all(True):
        if element.get("style") is not None:
            problems.append(f"style attribute on <{element.name}>")
        if any(attribute.startswith("on") for attribute in element.attrs):
            problems.append(f"event handler attribute on <{element.name}>")
        for reference in (element.get("aria-describedby") or "").split():
            if reference not in ids:
                problems.append(f"aria-describedby points to missing id {reference!r}")
    for link in soup.select(".error-summary a[href^='#']"):
        if link["href"][1:] not in ids:
            problems.append(f"error summary links to missing field {link['href']!r}")
    return problems


# Every page of every kind carries these; checked on each HTML response any web test renders.
REQUIRED_HEADERS = {
    "Content-Security-Policy": "default-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class CheckedClient(FlaskClient):
    """A test client that fails a test when an HTML page breaks a convention, lacks a security header or sets a cookie."""

    checked_pages = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Most tests read English text; without a URL prefix the language follows Accept-Language.
        self.environ_base.setdefault("HTTP_ACCEPT_LANGUAGE", "en")

    def open(self, *args: Any, **kwargs: Any) -> TestResponse:
        response = super().open(*args, **kwargs)
        assert "Set-Cookie" not in response.headers, f"a cookie was set: {response.headers['Set-Cookie']}"
        if response.mimetype == "text/html":
            missing = [name for name, part in REQUIRED_HEADERS.items() if part not in response.headers.get(name, "")]
            assert not missing, f"{response.request.path} ({response.status_code}) lacks security headers: {missing}"
            page, parse_errors = parse_page(response.get_data(as_text=True))
            setattr(response, _PARSED_PAGE, page)
            problems = soup_problems(page, parse_errors)
            assert not problems, f"{response.request.path} ({response.status_code}) breaks page conventions: {problems}"
            CheckedClient.checked_pages += 1
        return response

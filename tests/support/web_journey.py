"""Helpers that drive the web journey the way a browser would: read the form from the page, send it back."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.support.page_conventions import parsed

Answers = Mapping[str, Any]


def soup(response: TestResponse) -> BeautifulSoup:
    """The page as html5lib parses it; the checked client's own parse when it judged the page (read it, don't change it)."""
    return parsed(response)


def form_of(response: TestResponse, index: int = 0) -> tuple[str, dict[str, str]]:
    """The action and hidden fields of the page's form."""
    form = soup(response).find_all("form")[index]
    hidden = {field["name"]: field["value"] for field in form.find_all("input", type="hidden")}
    return form["action"], hidden


def start(client: FlaskClient, questionnaire_id: str) -> str:
    """Press the questionnaire's start button on the landing page; the first page's URL."""
    landing = client.get("/")
    form = soup(landing).find("form", action=f"/{questionnaire_id}/start")
    token = form.find("input", attrs={"name": "token"})["value"]
    response = client.post(f"/{questionnaire_id}/start", data={"token": token})
    assert response.status_code == 303, response.status_code
    return response.location


def answer(client: FlaskClient, url: str, answers: Answers, **headers: str) -> TestResponse:
    """Open the page at `url`, fill in `answers` and send the form."""
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    action, hidden = form_of(page)
    return client.post(action, data={**hidden, **answers}, headers=headers)


def response_id(url: str) -> str:
    match = re.match(r"^/[a-z0-9_]+/([A-Za-z0-9_-]+)/", url)
    assert match, url
    return match.group(1)


def h1(response: TestResponse) -> str:
    return " ".join(soup(response).find("h1").get_text(" ").split())


def error_messages(response: TestResponse) -> list[str]:
    return [" ".join(link.get_text(" ").split()) for link in soup(response).select(".error-summary a")]

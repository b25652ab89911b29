"""Steps of the re-check journey, driven the way a browser would through the Flask client."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from prepcheck.services import services_of
from prepcheck.store.tables import ResponseRow
from tests.support.web_journey import answer, form_of, soup, start

ALL_FEATURES_PAGES: dict[str, dict[str, Any]] = {
    "household": {"adults": "2", "pets": "1"},
    "water_page": {"water_litres": "4", "refresh": "dont_know"},
    "radio_page": {"radio": "none", "channels": ["paper_list", "meeting_place"]},
    "pets_page": {"pet_plan": "no", "note": "Cat flap is broken"},
}


def complete(client: FlaskClient, questionnaire_id: str = "all_features", pages: dict[str, dict[str, Any]] | None = None) -> str:
    """Answer every page from the start button on; the result page's URL."""
    url = start(client, questionnaire_id)
    for page_id, answers in (pages or ALL_FEATURES_PAGES).items():
        assert url.split("?")[0].endswith(f"/{page_id}"), url
        url = answer(client, url, answers).location
    assert url.endswith("/check-your-answers"), url
    return url.replace("check-your-answers", "your-result")


def recheck_link(result: TestResponse) -> str:
    """The re-check link the result page shows (answers after the '#')."""
    field = soup(result).find("textarea", id="recheck-link")
    assert field is not None, "the result page shows no re-check link"
    return str(field.get_text()).strip()


def answers_file(client: FlaskClient, result: TestResponse) -> TestResponse:
    link = soup(result).select_one(".recheck-offer a[download]")
    assert link is not None, "the result page offers no answers file"
    response = client.get(link["href"])
    assert response.status_code == 200
    return response


def send_code(client: FlaskClient, questionnaire_id: str, code: str, prefix: str = "", **files: Any) -> TestResponse:
    """Open the re-check page, paste `code` (or attach files) and send the form."""
    page = client.get(f"{prefix}/{questionnaire_id}/recheck")
    assert page.status_code == 200
    action, hidden = form_of(page)
    data: dict[str, Any] = {**hidden, "code": code, **files}
    return client.post(action, data=data, content_type="multipart/form-data")


def stored_responses(app: Flask) -> int:
    store = services_of(app).responses
    with store.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(ResponseRow)).scalar_one())


def text(response: TestResponse) -> str:
    return " ".join(soup(response).get_text(" ").split())

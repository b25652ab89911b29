"""Helpers that drive the embedded journey (under /embed/<tenant>/) the way a browser would."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.support.web_journey import answer, soup

EMBED = "/embed/proefdorp"
ALL_FEATURES_PAGES = {
    "household": {"adults": "2", "pets": "1"},
    "water_page": {"water_litres": "4", "refresh": "dont_know"},
    "radio_page": {"radio": "none", "channels": ["paper_list", "meeting_place"]},
    "pets_page": {"pet_plan": "no", "note": "Cat flap is broken"},
}


def start_embedded(client: FlaskClient, questionnaire_id: str, prefix: str = EMBED) -> str:
    """Press the start button on the tenant's landing page; the first page's URL."""
    landing = client.get(f"{prefix}/")
    assert landing.status_code == 200
    action = f"{prefix}/{questionnaire_id}/start"
    form = soup(landing).find("form", action=action)
    assert form is not None, f"no start form for {questionnaire_id} under {prefix}"
    token = form.find("input", attrs={"name": "token"})["value"]
    response = client.post(action, data={"token": token}, headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 303, response.status_code
    return response.location


def complete_all_features(client: FlaskClient, prefix: str = EMBED) -> str:
    """Answer every page of all_features inside the embed; the URL of the result page."""
    url = start_embedded(client, "all_features", prefix)
    for answers in ALL_FEATURES_PAGES.values():
        url = answer(client, url, answers, **{"Sec-Fetch-Site": "same-origin"}).location
    assert url.endswith("/check-your-answers"), url
    assert url.startswith(prefix + "/"), url
    return url.replace("/check-your-answers", "/your-result")

"""Whole journeys through the Flask client with cookies disabled, from the start button to the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck import create_app
from prepcheck.engine.model import Question, QuestionType
from prepcheck.services import services_of
from tests.support.page_conventions import CheckedClient
from tests.support.web_journey import answer, h1, soup, start

pytestmark = pytest.mark.database

ALL_FEATURES_PAGES = {
    "household": {"adults": "2", "pets": "1"},
    "water_page": {"water_litres": "4", "refresh": "dont_know"},
    "radio_page": {"radio": "none", "channels": ["paper_list", "meeting_place"]},
    "pets_page": {"pet_plan": "no", "note": "Cat flap is broken"},
}


def test_the_all_features_check_can_be_completed_without_cookies(client: FlaskClient) -> None:
    url = start(client, "all_features")
    for page_id, answers in ALL_FEATURES_PAGES.items():
        assert url.endswith(f"/{page_id}"), url
        url = answer(client, url, answers).location
    assert url.endswith("/check-your-answers")
    summary = client.get(url)
    assert "Cat flap is broken" in summary.get_data(as_text=True)
    result = client.get(soup(summary).find("a", string="See your result")["href"])
    text = result.get_data(as_text=True)
    assert h1(result) == "Your result"
    assert "Overall: Vulnerable" in text
    assert "Drinking water for three days: <strong>20 litres</strong>" in text
    plan = [item.select_one(".plan-title").get_text(" ", strip=True) for item in soup(result).select(".plan-item")]
    assert plan[0] == "Urgent Store drinking water"
    assert "Arrange a place for your pets" in plan


def _value_for(question: Question) -> Any:
    """A valid answer: the first option, the smallest sensible number, some text."""
    if question.type is QuestionType.NUMBER:
        return str(max(question.minimum or 0, min(1, question.maximum or 1)))
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return [next(option.value for option in question.options if not option.exclusive)]
    if question.type is QuestionType.TEXT:
        return "noted"
    return question.options[0].value


def _walk(client: FlaskClient, app: Flask, questionnaire_id: str) -> tuple[int, str]:
    questionnaire = services_of(app).questionnaires[questionnaire_id]
    url = start(client, questionnaire_id)
    pages = 0
    while not url.endswith("/check-your-answers"):
        page = questionnaire.pages_by_id[url.rsplit("/", 1)[1].split("?")[0]]
        names = {field["name"] for field in soup(client.get(url)).select("input[name], textarea[name]")} - {"token"}
        answers = {q.id: _value_for(q) for q in page.questions if q.id in names}
        response = answer(client, url, answers)
        assert response.status_code == 303, (url, response.status_code)
        url = response.location
        pages += 1
        assert pages < 200
    return pages, url


@pytest.mark.parametrize("questionnaire_id", ["household", "business"])
def test_a_bundled_check_can_be_completed_without_cookies(questionnaire_id: str, tmp_path: Path) -> None:
    app = create_app(instance_path=tmp_path)
    app.test_client_class = CheckedClient
    client = app.test_client(use_cookies=False)
    pages, summary_url = _walk(client, app, questionnaire_id)
    assert pages >= 3
    result = client.get(summary_url.replace("check-your-answers", "your-result"))
    assert result.status_code == 200 and h1(result) == "Your result"
    assert soup(result).select(".plan-item"), "answering the first option everywhere should leave something to do"

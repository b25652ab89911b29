"""Every page of a journey, and its PDF, in each language: the right lang and no untranslated English left."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from prepcheck import create_app
from prepcheck.engine.model import Question, QuestionType
from prepcheck.services import services_of
from tests.support.page_conventions import CheckedClient
from tests.support.web_apps import render_plans_in_process

TRANSLATIONS = Path(__file__).resolve().parents[2] / "prepcheck" / "translations"
TRANSLATED = ("nl", "pap", "fy")
VISIBLE_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")


def english_only(locale: str) -> set[str]:
    """English texts whose translation in `locale` differs: seeing one of them on a page means it was missed."""
    with (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    changed = {
        str(m.id) for m in catalog if m.id and m.string and m.string != m.id and len(str(m.id)) > 3 and "%(" not in str(m.id)
    }
    # A text kept as it is in some context (a publication title, a name) may rightly appear untranslated.
    kept = {str(m.id) for m in catalog if m.id and m.string == m.id}
    return changed - kept


def visible_texts(html: str) -> list[str]:
    page = BeautifulSoup(html, "html5lib")
    for hidden in page(["script", "style", "title"]):
        hidden.decompose()
    texts = [" ".join(text.split()) for text in page.stripped_strings]
    for attribute in VISIBLE_ATTRIBUTES:
        texts += [element[attribute] for element in page.find_all(attrs={attribute: True})]
    return texts


def value_for(question: Question) -> Any:
    if question.type is QuestionType.NUMBER:
        return str(max(question.minimum or 0, min(2, question.maximum or 2)))
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return [next(option.value for option in question.options if not option.exclusive)]
    if question.type is QuestionType.TEXT:
        return "noted"
    # The last option is usually the weakest answer, which brings the most advice onto the result.
    return question.options[-1].value if question.type is QuestionType.SINGLE_CHOICE else "no"


def form(html: str) -> tuple[str, dict[str, str], set[str]]:
    page = BeautifulSoup(html, "html5lib")
    element = page.find("main").find("form")
    hidden = {field["name"]: field["value"] for field in element.find_all("input", type="hidden")}
    names = {field["name"] for field in element.select("input[name], textarea[name]")} - set(hidden)
    return element["action"], hidden, names


def walk(client: FlaskClient, app: Flask, locale: str, questionnaire_id: str) -> list[tuple[str, str]]:
    """Every page from the landing page to the result, in one language: (url, html)."""
    questionnaire = services_of(app).questionnaires[questionnaire_id]
    landing = client.get(f"/{locale}/")
    pages = [(f"/{locale}/", landing.get_data(as_text=True))]
    start = BeautifulSoup(landing.get_data(as_text=True), "html5lib").find("form", action=f"/{locale}/{questionnaire_id}/start")
    url = client.post(start["action"], data={"token": start.find("input", attrs={"name": "token"})["value"]}).location
    while not url.endswith("/check-your-answers"):
        html = client.get(url).get_data(as_text=True)
        pages.append((url, html))
        action, hidden, names = form(html)
        page = questionnaire.pages_by_id[url.rsplit("/", 1)[1]]
        answers = {q.id: value_for(q) for q in page.questions if q.id in names}
        response = client.post(action, data={**hidden, **answers})
        assert response.status_code == 303, (url, response.status_code)
        url = response.location
        assert url.startswith(f"/{locale}/")
    pages.append((url, client.get(url).get_data(as_text=True)))
    result_url = url.replace("check-your-answers", "your-result")
    pages.append((result_url, client.get(result_url).get_data(as_text=True)))
    for extra in (f"/{locale}/resume", f"/{locale}/no-such-page", result_url.replace("your-result", "delete")):
        pages.append((extra, client.get(extra).get_data(as_text=True)))
    return pages


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    application = create_app(instance_path=tmp_path_factory.mktemp("instance"))
    application.test_client_class = CheckedClient
    render_plans_in_process(application)
    return application


@pytest.mark.parametrize("questionnaire_id", ["household", "business"])
@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_page_and_the_pdf_are_fully_translated(app: Flask, locale: str, questionnaire_id: str) -> None:
    client = app.test_client(use_cookies=False)
    leftovers = english_only(locale)
    pages = walk(client, app, locale, questionnaire_id)
    assert len(pages) > 10
    sources_url = f"/{locale}/{questionnaire_id}/sources"  # the page the PDF links to for its sources
    for url, html in [*pages, (sources_url, client.get(sources_url).get_data(as_text=True))]:
        assert re.search(rf'<html lang="{locale}"', html), url
        untranslated = [text for text in visible_texts(html) if text in leftovers]
        assert untranslated == [], url
    result_url = pages[-4][0]
    pdf = client.get(result_url.replace("your-result", "action-plan.pdf")).data
    reader = PdfReader(BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == locale
    pdf_lines = {" ".join(line.split()) for page in reader.pages for line in page.extract_text().splitlines()}
    assert sorted(pdf_lines & leftovers) == []


def test_switching_language_mid_journey_keeps_every_answer(app: Flask) -> None:
    client = app.test_client(use_cookies=False)
    pages = walk(client, app, "nl", "household")
    summary_url, summary_html = pages[-5]
    assert summary_url.endswith("/check-your-answers")
    switch = BeautifulSoup(summary_html, "html5lib").find("a", hreflang="pap")
    assert switch["href"] == "/pap" + summary_url.removeprefix("/nl")
    in_papiamentu = client.get(switch["href"])
    assert 'lang="pap"' in in_papiamentu.get_data(as_text=True)
    answers_nl = len(BeautifulSoup(summary_html, "html5lib").select(".summary-list dd, dd"))
    answers_pap = len(BeautifulSoup(in_papiamentu.get_data(as_text=True), "html5lib").select(".summary-list dd, dd"))
    assert answers_pap == answers_nl > 30
    result = client.get(switch["href"].replace("check-your-answers", "your-result"))
    assert result.status_code == 200


def test_lost_points_on_a_dutch_result_are_whole_points_in_dutch(app: Flask) -> None:
    client = app.test_client(use_cookies=False)
    result_html = walk(client, app, "nl", "household")[-4][1]
    lost = [" ".join(li.get_text(" ").split()) for li in BeautifulSoup(result_html, "html5lib").select(".lost-list li")]
    assert lost
    assert [text for text in lost if not re.search(r"kost (\d+ punten?|minder dan 1 punt)$", text)] == []

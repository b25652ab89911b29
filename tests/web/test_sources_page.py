"""The public sources page: every source of a check, titled and linked, in the reader's language; the plan links to it."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from prepcheck.services import services_of
from tests.support.web_journey import soup


def test_the_sources_page_lists_every_source_of_the_check_with_its_title_and_link(app: Flask, client: FlaskClient) -> None:
    questionnaire = services_of(app).questionnaires["all_features"]
    response = client.get("/en/all_features/sources")
    assert response.status_code == 200
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Where this advice comes from"
    links = {link["href"]: link.get_text(strip=True) for link in page.select("main ul.sources a")}
    assert links == {source.url: source.title for source in questionnaire.sources}
    assert "Denk vooruit (NCTV)" in page.find("main").get_text(" ")


def test_the_sources_page_speaks_the_readers_language(client: FlaskClient) -> None:
    page = soup(client.get("/nl/all_features/sources"))
    assert page.find("html")["lang"] == "nl"
    assert page.find("h1").get_text(strip=True) == "Waar dit advies vandaan komt"


def test_a_check_that_does_not_exist_has_no_sources_page(client: FlaskClient) -> None:
    assert client.get("/en/no_such_check/sources").status_code == 404

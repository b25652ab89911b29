"""Pages, check your answers and the result speak to the household as it answered: alone, or on an island."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.support.web_journey import answer, soup, start


def _plan_page(client: FlaskClient, place: str, adults: str) -> str:
    return answer(client, start(client, "web_variants"), {"place": place, "adults": adults}).location


def _texts(client: FlaskClient, url: str) -> str:
    return " ".join(soup(client.get(url)).get_text(" ").split())


def test_a_person_living_alone_is_asked_about_family_or_friends_not_everyone_in_the_home(client: FlaskClient) -> None:
    page = soup(client.get(_plan_page(client, "mainland", "1")))
    assert page.select_one("h1").get_text(strip=True) == "Your own plan"
    assert "A plan is what you decide before something happens." in page.get_text()
    legends = [" ".join(legend.get_text(" ").split()) for legend in page.select("legend")]
    assert legends[0] == "Have you agreed with family or friends where to meet if you cannot reach each other by phone?"
    assert "Choose a place they know too." in page.get_text()
    assert "Everyone in your home" not in page.get_text() and "agree together" not in page.get_text()


def test_a_family_is_asked_the_questions_own_text(client: FlaskClient) -> None:
    page = soup(client.get(_plan_page(client, "mainland", "3")))
    assert page.select_one("h1").get_text(strip=True) == "Your household plan"
    assert "Everyone in your home should know the place." in page.get_text()


def test_the_hint_names_only_the_islands_own_station(client: FlaskClient) -> None:
    on_curacao = _texts(client, _plan_page(client, "curacao", "2"))
    on_bonaire = _texts(client, _plan_page(client, "bonaire", "2"))
    on_the_mainland = _texts(client, _plan_page(client, "mainland", "2"))
    assert "On Curaçao it is 97.9 FM." in on_curacao
    assert "On your island, ask the island government." in on_bonaire and "97.9" not in on_bonaire
    assert "denkvooruit.nl/radio" in on_the_mainland and "97.9" not in on_the_mainland


def test_check_your_answers_and_the_result_keep_the_variant_of_the_answers(client: FlaskClient) -> None:
    plan_page = _plan_page(client, "bonaire", "1")
    summary_url = answer(client, plan_page, {"meeting_place": "no", "radio_known": "no"}).location
    summary = soup(client.get(summary_url))
    assert summary.select(".summary-row dt")[2].get_text(strip=True).startswith("Have you agreed with family or friends")
    assert "Your own plan" in [heading.get_text(strip=True) for heading in summary.select("h2")]
    result = _texts(client, summary_url.replace("check-your-answers", "your-result"))
    assert "Agree with family or friends where you will meet." in result
    assert "Ask your island government which station to tune to." in result
    assert "Sit down together" not in result and "denkvooruit.nl/radio" not in result
    assert "Emergency kit" in result and "Regionale omroepen" not in result

"""The result page says what to do first: a verdict, the first three steps, the plan by when, the score on request."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from prepcheck.resources import bundled_dir
from tests.content.test_household_scenarios import FULLY_PREPARED
from tests.support.result_pages import ENGINEERING_FIRM, FAMILY_IN_UTRECHT, result_url
from tests.support.web_apps import checked_app
from tests.support.web_journey import soup


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    yield checked_app(tmp_path_factory.mktemp("instance"), questionnaire_dir=bundled_dir("questionnaires"))


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client(use_cookies=False)


def result(client: FlaskClient, app: Flask, questionnaire_id: str, answers: dict[str, Any], **options: Any) -> BeautifulSoup:
    return soup(client.get(result_url(client, app, questionnaire_id, answers, **options)))


def words(element: Any) -> str:
    return " ".join(element.get_text(" ").split())


def plan_titles(page: BeautifulSoup) -> list[str]:
    return [words(item.select_one(".plan-title")).removeprefix("Urgent ") for item in page.select(".plan-item")]


def test_the_result_opens_with_a_verdict_and_the_first_three_steps_of_the_plan(client: FlaskClient, app: Flask) -> None:
    page = result(client, app, "household", FAMILY_IN_UTRECHT)
    main = page.find("main")
    verdict = main.select_one(".result-verdict")
    assert words(verdict) == "You are partly prepared for an emergency. Start with the three steps below."
    first = main.select_one(".first-steps")
    assert words(first.find("h2")) == "Start with these three"
    steps = first.select("li a")
    titles = plan_titles(page)
    assert [words(step) for step in steps] == ["Add more drinking water: 28 litres", titles[1], titles[2]]
    assert [step["href"] for step in steps] == ["#" + item["id"] for item in page.select(".plan-item")[:3]]
    # Nothing but the overall level stands between the heading and what to do first.
    before = [
        element.name for element in first.find_all_previous(["h1", "h2", "table", "ul", "ol"]) if element.find_parent("main")
    ]
    assert before == ["h1"]


def test_the_plan_is_grouped_by_when_and_numbered_on_across_the_groups(client: FlaskClient, app: Flask) -> None:
    page = result(client, app, "household", FAMILY_IN_UTRECHT)
    groups = page.select(".plan-group")
    assert [words(group.find("h3")) for group in groups] == ["This week", "This month"]
    sizes = [len(group.select(".plan-item")) for group in groups]
    assert [int(group.find("ol")["start"]) for group in groups] == [1, 1 + sizes[0]]
    assert "Keep some cash at home" in [words(title) for title in groups[1].select(".plan-title")]


def test_a_critical_step_is_marked_urgent_and_a_step_for_today_comes_before_it(client: FlaskClient, app: Flask) -> None:
    page = result(
        client, app, "household", {**FULLY_PREPARED, "powered_equipment": "breathing", "device_backup": "no", "nl_alert": "no"}
    )
    groups = page.select(".plan-group")
    assert [words(group.find("h3")) for group in groups] == ["Today", "This week"]
    today, this_week = (group.select(".plan-item") for group in groups)
    assert [words(item.select_one(".plan-title")) for item in today] == ["Make sure your phone gets NL-Alert"]
    assert words(this_week[0].select_one(".plan-title")).startswith("Urgent ")
    assert "plan-item-urgent" in this_week[0]["class"]


def test_scores_and_the_points_each_answer_cost_sit_behind_a_disclosure_in_whole_points(client: FlaskClient, app: Flask) -> None:
    page = result(client, app, "household", FAMILY_IN_UTRECHT)
    details = page.select_one("details.score-details")
    assert words(details.find("summary")) == "How your score was worked out"
    assert details.select_one(".score-table") is not None
    region = details.select_one(".table-scroll")
    assert (region["role"], region["tabindex"]) == ("region", "0") and region["aria-labelledby"]
    costs = [words(item).rsplit(" – ", 1)[1] for item in details.select(".lost-list li")]
    assert "cost 25 points" in costs  # the water, of a domain that also counts the dog's food
    assert all(re.fullmatch(r"cost (\d+ points?|less than 1 point)", cost) for cost in costs), costs
    assert page.select_one(".score-table").find_parent("details") is details


def test_the_page_keeps_the_pdf_the_answers_link_the_sources_and_the_recheck_offer(client: FlaskClient, app: Flask) -> None:
    page = result(client, app, "household", FAMILY_IN_UTRECHT, last_time={**FAMILY_IN_UTRECHT, "water_litres": 0})
    main = page.find("main")
    assert main.find("a", string="Download your action plan (PDF)")["href"].endswith("/action-plan.pdf")
    assert main.find("a", string="Check or change your answers") is not None
    assert main.select(".sources li") and main.select_one(".recheck-offer") and main.select_one(".resume-box")
    assert main.select_one(".since-last-time .table-scroll[role=region][tabindex='0']") is not None


def test_the_engineering_firm_is_told_how_its_business_stands_and_where_to_start(client: FlaskClient, app: Flask) -> None:
    page = result(client, app, "business", ENGINEERING_FIRM)
    verdict = words(page.select_one(".result-verdict"))
    assert verdict.startswith("Your business is ") and verdict.endswith(" Start with the three steps below.")
    assert len(page.select(".first-steps li")) == 3
    assert [words(step) for step in page.select(".first-steps li")] == plan_titles(page)[:3]


def test_one_step_to_take_is_named_as_one(client: FlaskClient, app: Flask) -> None:
    page = result(client, app, "household", {**FULLY_PREPARED, "first_aid": "no"})
    assert words(page.select_one(".result-verdict")).endswith("Start with the step below.")
    assert words(page.select_one(".first-steps h2")) == "Start with this step"
    assert [words(step) for step in page.select(".first-steps li")] == ["Get a first aid kit"]


def test_a_household_with_nothing_to_do_is_told_so_without_a_list_of_first_steps(client: FlaskClient, app: Flask) -> None:
    page = result(client, app, "household", FULLY_PREPARED)
    assert words(page.select_one(".result-verdict")) == "You are well prepared for an emergency."
    assert page.select_one(".first-steps") is None
    assert "There is nothing you need to do now." in words(page.find("main"))


def test_in_dutch_the_result_says_begin_met_deze_drie_and_counts_whole_points(client: FlaskClient, app: Flask) -> None:
    page = result(client, app, "household", FAMILY_IN_UTRECHT, prefix="/nl")
    assert words(page.select_one(".result-verdict")) == (
        "Je bent voor een deel voorbereid op een noodsituatie. Begin met de drie stappen hieronder."
    )
    assert words(page.select_one(".first-steps h2")) == "Begin met deze drie"
    assert words(page.select_one(".first-steps li")) == "Zet meer drinkwater klaar: 28 liter"
    assert "kost 25 punten" in words(page.select_one(".score-details"))


def test_each_step_says_why_behind_a_disclosure_and_does_not_repeat_its_groups_when(client: FlaskClient, app: Flask) -> None:
    page = result(client, app, "household", FAMILY_IN_UTRECHT)
    items = page.select(".plan-item")
    for item in items:
        why = item.select_one("details.plan-why")
        assert words(why.find("summary")) == "Why this step matters"
        assert words(why.find("p"))
        assert "When:" not in words(item)
    water = next(item for item in items if "drinking water" in words(item.select_one(".plan-title")))
    assert words(water.select_one(".plan-meta")) == "Cost: Under € 20"

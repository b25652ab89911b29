"""The household plan's emergency plan names the radio station to tune to, where an official source gives it."""

from __future__ import annotations

import json
import re

import pytest

from prepcheck.engine import Assessment, Questionnaire, assess
from prepcheck.report.html import render_report_html
from prepcheck.report.local_info import island_radio
from prepcheck.report.service import PlanService
from tests.report.report_helpers import ANSWERS, CREATED


def radio_row(html: str) -> str:
    """What the plan prints in the 'Emergency radio station and frequency' row of the fill-in plan."""
    match = re.search(r"<th scope=\"row\">Emergency radio station and frequency</th><td>(.*?)</td>", html)
    assert match, "the plan has no radio row"
    return match.group(1)


def plan_html(questionnaire: Questionnaire, assessment: Assessment, place: str, radio: str | None = None) -> str:
    # The whole answer set (island questions too), so that every place is a complete check.
    answers = json.loads((ANSWERS / "household_family.json").read_text(encoding="utf-8"))
    moved = assess(questionnaire, {**answers, "place": place})
    request = PlanService().request_for(questionnaire, moved, "en", created=CREATED, radio=radio)
    return render_report_html(request, questionnaire)


@pytest.mark.parametrize(("place", "station"), [("curacao", "97.9 FM"), ("sint_maarten", "SXMGOV Radio, 107.9 FM")])
def test_an_island_household_plan_prints_the_station_its_government_names(
    household: tuple[Questionnaire, Assessment], place: str, station: str
) -> None:
    assert radio_row(plan_html(*household, place)) == station


def test_a_mainland_household_plan_leaves_the_radio_row_to_fill_in(household: tuple[Questionnaire, Assessment]) -> None:
    assert radio_row(plan_html(*household, "netherlands")) == ""


def test_a_municipalitys_own_broadcaster_comes_before_the_islands_station(household: tuple[Questionnaire, Assessment]) -> None:
    assert radio_row(plan_html(*household, "curacao", radio="Radio Hoyer, 88.1 FM")) == "Radio Hoyer, 88.1 FM"


def test_every_island_station_is_for_a_place_the_check_asks_about_and_cites_one_of_its_sources(
    household: tuple[Questionnaire, Assessment],
) -> None:
    questionnaire, _ = household
    places = {option.value for option in questionnaire.questions_by_id["place"].options}
    stations = island_radio()
    assert stations and all(radio.place in places for radio in stations.values())
    assert all(radio.source in questionnaire.sources_by_id for radio in stations.values())

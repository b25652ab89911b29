"""The result page's own view: the verdict by level, the first steps, the plan by timeframe, whole lost points."""

from __future__ import annotations

from dataclasses import replace

import pytest

from prepcheck.engine import assess
from prepcheck.engine.model import Timeframe
from prepcheck.i18n.catalog import translator_for
from prepcheck.views.model import LostPointsView
from prepcheck.views.present import AssessmentPresenter
from prepcheck.views.result_page import lost_points_cost, present_result_page
from tests.content.test_household_scenarios import FULLY_PREPARED, HOUSEHOLD, NOTHING_DONE
from tests.support.result_pages import fixture_answers

ENGLISH = translator_for("en")


@pytest.mark.parametrize(
    ("points", "said"),
    [
        (28.1, "cost 28 points"),
        (12.5, "cost 13 points"),
        (1.4, "cost 1 point"),
        (0.6, "cost 1 point"),
        (0.4, "cost less than 1 point"),
    ],
)
def test_lost_points_are_said_in_whole_points(points: float, said: str) -> None:
    assert lost_points_cost(LostPointsView("q", "Q?", "No", points, str(points)), ENGLISH) == said


@pytest.mark.parametrize(
    ("answers", "verdict"),
    [
        (NOTHING_DONE, "You are not prepared for an emergency yet."),
        (fixture_answers("household_family"), "You are partly prepared for an emergency."),
        (FULLY_PREPARED, "You are well prepared for an emergency."),
    ],
    ids=["lowest", "between", "highest"],
)
def test_the_verdict_follows_the_overall_level(answers: dict[str, object], verdict: str) -> None:
    view = AssessmentPresenter(HOUSEHOLD, "en").present(assess(HOUSEHOLD, answers))
    assert present_result_page(view, HOUSEHOLD, ENGLISH).verdict.startswith(verdict)


def test_the_plan_groups_hold_every_step_once_in_the_plans_order_numbered_from_one() -> None:
    view = AssessmentPresenter(HOUSEHOLD, "en").present(assess(HOUSEHOLD, NOTHING_DONE))
    groups = present_result_page(view, HOUSEHOLD, ENGLISH).plan
    assert [group.timeframe for group in groups] == list(Timeframe)
    assert [action for group in groups for action in group.actions] == list(view.actions)
    assert [group.first_number for group in groups] == [
        1 + sum(len(earlier.actions) for earlier in groups[:index]) for index in range(len(groups))
    ]


def test_the_first_steps_are_the_first_three_of_the_plan_whatever_the_timeframes() -> None:
    view = AssessmentPresenter(HOUSEHOLD, "en").present(assess(HOUSEHOLD, NOTHING_DONE))
    shuffled = replace(view, actions=tuple(reversed(view.actions)))
    page = present_result_page(shuffled, HOUSEHOLD, ENGLISH)
    assert [step.action for step in page.first_steps] == list(shuffled.actions[:3])

"""What the result page puts first: a verdict in words, the first steps to take, and the plan grouped by when."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from prepcheck.engine.model import Audience, Questionnaire, Timeframe
from prepcheck.i18n.catalog import Translator
from prepcheck.views.model import ActionView, DomainResultView, LostPointsView, ResultView
from prepcheck.views.present import N_, TIMEFRAME_LABELS

FIRST_STEPS = 3
"""How many steps "start with these" names: the first ones of the plan, which is ordered by when to do them."""

Standing = Literal["lowest", "between", "highest"]

VERDICTS: dict[Audience, dict[Standing, str]] = {
    Audience.HOUSEHOLD: {
        "lowest": N_("You are not prepared for an emergency yet."),
        "between": N_("You are partly prepared for an emergency."),
        "highest": N_("You are well prepared for an emergency."),
    },
    Audience.BUSINESS: {
        "lowest": N_("Your business is not prepared for a crisis yet."),
        "between": N_("Your business is partly prepared for a crisis."),
        "highest": N_("Your business is well prepared for a crisis."),
    },
}
# Spelled out per number: "the three steps" reads better than "the 3 steps", and so does each translation.
START_WITH = {
    1: N_("Start with the step below."),
    2: N_("Start with the two steps below."),
    3: N_("Start with the three steps below."),
}
FIRST_STEPS_HEADINGS = {1: N_("Start with this step"), 2: N_("Start with these two"), 3: N_("Start with these three")}


@dataclass(frozen=True, slots=True)
class FirstStepView:
    """One of the steps to start with, in one sentence: its title and, where it has one, its amount."""

    action: ActionView
    sentence: str


@dataclass(frozen=True, slots=True)
class PlanGroupView:
    """The steps of the plan for one timeframe ("Today"), numbered on from the groups before."""

    timeframe: Timeframe
    title: str
    first_number: int
    actions: tuple[ActionView, ...]


@dataclass(frozen=True, slots=True)
class LostReasonView:
    """An answer that cost points, with the cost in whole points."""

    question_text: str
    answer: str
    cost: str


@dataclass(frozen=True, slots=True)
class ExplainedDomainView:
    """A domain that lost points, and the answers that cost them."""

    title: str
    reasons: tuple[LostReasonView, ...]


@dataclass(frozen=True, slots=True)
class ResultPageView:
    """The result page's own texts and groupings, on top of the ResultView."""

    verdict: str
    first_steps_heading: str
    first_steps: tuple[FirstStepView, ...]
    plan: tuple[PlanGroupView, ...]
    explained: tuple[ExplainedDomainView, ...]


def first_steps(view: ResultView) -> tuple[ActionView, ...]:
    """The steps to start with: the first of the plan."""
    return view.actions[:FIRST_STEPS]


def standing(questionnaire: Questionnaire, level_id: str) -> Standing:
    """Where a level stands among the questionnaire's levels."""
    position = questionnaire.level_index(level_id)
    if position == 0:
        return "lowest"
    return "highest" if position == len(questionnaire.levels) - 1 else "between"


def step_sentence(action: ActionView, translator: Translator) -> str:
    """'Store drinking water today: 36 litres': the title, with the first amount the step needs."""
    if not action.quantities:
        return action.title
    return translator.gettext("%(title)s: %(amount)s") % {"title": action.title, "amount": action.quantities[0].formatted}


def lost_points_cost(lost: LostPointsView, translator: Translator) -> str:
    """The points an answer cost, in whole points (halves round up): decimals read as false precision."""
    whole = math.floor(lost.points_lost + 0.5)
    if whole < 1:
        return translator.gettext("cost less than 1 point")
    return translator.ngettext("cost %(num)d point", "cost %(num)d points", whole) % {"num": whole}


def plan_groups(actions: tuple[ActionView, ...], translator: Translator) -> tuple[PlanGroupView, ...]:
    """The plan in groups by timeframe, in the plan's order (which already runs from today to this year)."""
    groups: list[PlanGroupView] = []
    number = 1
    for timeframe in Timeframe:
        members = tuple(action for action in actions if action.timeframe is timeframe)
        if members:
            groups.append(PlanGroupView(timeframe, translator.gettext(TIMEFRAME_LABELS[timeframe.value]), number, members))
            number += len(members)
    return tuple(groups)


def explained(domain: DomainResultView, translator: Translator) -> ExplainedDomainView:
    reasons = tuple(LostReasonView(lost.question_text, lost.answer, lost_points_cost(lost, translator)) for lost in domain.lost)
    return ExplainedDomainView(domain.title, reasons)


def present_result_page(view: ResultView, questionnaire: Questionnaire, translator: Translator) -> ResultPageView:
    """The verdict, the steps to start with, the plan by timeframe and the reasons for the score."""
    steps = first_steps(view)
    verdict = translator.gettext(VERDICTS[questionnaire.audience][standing(questionnaire, view.level)])
    if steps:
        verdict += " " + translator.gettext(START_WITH[len(steps)])
    return ResultPageView(
        verdict=verdict,
        first_steps_heading=translator.gettext(FIRST_STEPS_HEADINGS[len(steps)]) if steps else "",
        first_steps=tuple(FirstStepView(action, step_sentence(action, translator)) for action in steps),
        plan=plan_groups(view.actions, translator),
        explained=tuple(explained(domain, translator) for domain in view.domains if domain.applies and domain.lost),
    )

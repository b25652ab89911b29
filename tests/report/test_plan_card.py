"""The fill-in emergency plan speaks to the household as it is: one person, children or not, pets or not."""

from __future__ import annotations

from typing import Any

from prepcheck.engine import Assessment, Questionnaire, assess
from prepcheck.views.model import PlanCardView
from prepcheck.views.present import AssessmentPresenter
from tests.report.report_helpers import pdf_text, plan_pdf


def _card(questionnaire: Questionnaire, answers: dict[str, Any], locale: str = "en") -> PlanCardView:
    card = AssessmentPresenter(questionnaire, locale).plan_card(assess(questionnaire, answers))
    assert card is not None
    return card


def test_a_person_living_alone_fills_in_their_own_plan_not_one_for_everyone_in_the_home(
    household: tuple[Questionnaire, Assessment],
) -> None:
    questionnaire, family = household
    alone = {**family.answers, "adults": 1, "children": 0, "babies": 0, "pets": 1}
    text = pdf_text(plan_pdf(questionnaire, assess(questionnaire, alone)))
    plan = text[text.index("My emergency plan") : text.index("Important phone numbers")]
    assert "Who I call first if something happens, and who comes to see how I am" in plan
    assert "Who in my street can help me, and whom I can help" in plan
    assert "Where I can stay if I cannot stay at home" in plan
    assert "Where my pets can stay" in plan
    for family_wording in ("Our emergency plan", "everyone in your home", "Where we meet", "Who picks up the children"):
        assert family_wording not in text


def test_a_family_with_children_and_a_dog_plans_where_to_meet_who_picks_up_the_children_and_where_the_dog_stays(
    household: tuple[Questionnaire, Assessment], household_pdf: bytes
) -> None:
    text = pdf_text(household_pdf)
    plan = text[text.index("Our emergency plan") : text.index("Important phone numbers")]
    assert "Fill this in with everyone in your home." in plan
    for line in ("Where we meet further away", "Who picks up the children", "Where our pets can stay"):
        assert line in plan
    assert "Who I call first" not in plan


def test_a_couple_without_children_or_pets_gets_no_line_for_them(household: tuple[Questionnaire, Assessment]) -> None:
    questionnaire, family = household
    card = _card(questionnaire, {**family.answers, "adults": 2, "children": 0, "babies": 0, "pets": 0})
    assert card.title == "Our emergency plan"
    assert "Where we meet further away" in card.rows
    assert not [row for row in card.rows if "children" in row or "pets" in row]


def test_parents_of_a_baby_only_are_asked_who_picks_up_the_children(household: tuple[Questionnaire, Assessment]) -> None:
    questionnaire, family = household
    card = _card(questionnaire, {**family.answers, "adults": 1, "children": 0, "babies": 1, "baby_supplies": "yes"})
    assert card.title == "Our emergency plan"
    assert "Who picks up the children" in card.rows


def test_the_card_is_worded_in_the_readers_language(household: tuple[Questionnaire, Assessment]) -> None:
    questionnaire, family = household
    alone = {**family.answers, "adults": 1, "children": 0, "babies": 0}
    assert _card(questionnaire, alone, "nl").title == "Mijn noodplan"
    assert _card(questionnaire, family.answers, "pap").title == "Nos plan di emergensia"

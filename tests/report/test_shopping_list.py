"""The shopping list says how much is still missing: what the plan says is needed minus what the household has."""

from __future__ import annotations

from dataclasses import replace

from prepcheck.engine import Assessment, Questionnaire, assess
from prepcheck.report.shopping import ShoppingItem, shopping_list
from prepcheck.views.present import AssessmentPresenter


def items(questionnaire: Questionnaire, assessment: Assessment) -> dict[str, ShoppingItem]:
    presenter = AssessmentPresenter(questionnaire, "en")
    return {item.action_id: item for item in shopping_list(presenter.present(assessment), assessment)}


def test_water_and_cash_are_listed_as_the_amount_still_to_add(household: tuple[Questionnaire, Assessment]) -> None:
    listed = items(*household)
    # 37.5 litres for two adults, two children and a dog, 10 in store; € 200 of cash, € 50 at home.
    assert listed["add_water"].to_add is not None and listed["add_water"].to_add.formatted == "28 litres"
    assert listed["keep_cash"].to_add is not None and listed["keep_cash"].to_add.formatted == "€\u00a0150"


def test_food_is_counted_in_person_days_from_the_days_the_household_has(household: tuple[Questionnaire, Assessment]) -> None:
    questionnaire, assessment = household
    # Four people for three days need 12 person-days; food for one day covers 4 of them.
    listed = items(questionnaire, assess(questionnaire, {**assessment.answers, "food_days": 1}))
    assert listed["store_food"].to_add is not None and listed["store_food"].to_add.formatted == "8 person-days"


def test_without_what_the_household_has_the_list_gives_the_whole_amount_needed(
    household: tuple[Questionnaire, Assessment],
) -> None:
    questionnaire, assessment = household
    unknown = replace(assessment, answers={key: value for key, value in assessment.answers.items() if key != "cash_eur"})
    presenter = AssessmentPresenter(questionnaire, "en")
    cash = next(item for item in shopping_list(presenter.present(assessment), unknown) if item.action_id == "keep_cash")
    assert cash.to_add is None and cash.need is not None and cash.need.formatted == "€\u00a0200"


def test_only_steps_that_cost_money_are_on_the_list(household: tuple[Questionnaire, Assessment]) -> None:
    questionnaire, assessment = household
    listed = items(questionnaire, assessment)
    view = AssessmentPresenter(questionnaire, "en").present(assessment)
    assert set(listed) == {action.id for action in view.actions if action.cost_label not in (None, "Free")}
    assert listed["get_first_aid_kit"].to_add is None and listed["get_first_aid_kit"].need is None

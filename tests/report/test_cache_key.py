"""The PDF cache key hashes everything a plan shows: the same plan gets the same key, any shown change a new one."""

from __future__ import annotations

from dataclasses import replace

from prepcheck.engine import Assessment, Questionnaire
from prepcheck.report.cache import cache_key
from prepcheck.report.html import ReportRequest
from prepcheck.report.service import PlanService
from prepcheck.views.model import MunicipalityView, SupportPointView
from tests.report.report_helpers import CREATED

TOWN = MunicipalityView("Hoyer", None, None, "112", None, (SupportPointView("Town hall", "Markt 1", None),), (), None)


def plan(household: tuple[Questionnaire, Assessment], local: MunicipalityView | None = None) -> ReportRequest:
    questionnaire, assessment = household
    return PlanService().request_for(questionnaire, assessment, "en", created=CREATED, local=local)


def test_the_same_plan_made_twice_has_the_same_key(household: tuple[Questionnaire, Assessment]) -> None:
    assert cache_key(plan(household, local=TOWN)) == cache_key(plan(household, local=TOWN))


def test_a_text_deep_in_the_view_changes_the_key(household: tuple[Questionnaire, Assessment]) -> None:
    request = plan(household)
    view = request.view
    index, action = next((index, action) for index, action in enumerate(view.actions) if action.quantities)
    changed = replace(action, quantities=(replace(action.quantities[0], formatted="99 litres"), *action.quantities[1:]))
    actions = (*view.actions[:index], changed, *view.actions[index + 1 :])
    assert cache_key(replace(request, view=replace(view, actions=actions))) != cache_key(request)


def test_the_radio_line_and_the_municipalitys_page_change_the_key(household: tuple[Questionnaire, Assessment]) -> None:
    request = plan(household, local=TOWN)
    moved_town_hall = replace(TOWN, support_points=(SupportPointView("Town hall", "Markt 2", None),))
    keys = {
        cache_key(request),
        cache_key(replace(request, local=replace(request.local, radio="Radio Hoyer, 88.1 FM"))),
        cache_key(replace(request, local=replace(request.local, municipality=moved_town_hall))),
        cache_key(replace(request, local=replace(request.local, municipality=None))),
    }
    assert len(keys) == 4

"""Scenario tests for the SME knowledge-security and continuity questionnaire (questionnaires/business.yaml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from prepcheck.engine import Context, assess, load_questionnaire
from prepcheck.engine.assess import check_answers
from prepcheck.engine.model import Questionnaire, QuestionType
from tests.support.plan_order import order_breaks

BUSINESS_FILE = Path(__file__).resolve().parents[2] / "questionnaires" / "business.yaml"
TOP_LEVEL = "resilient"
RULE_ACTIONS = {
    "export": {"rule_export_control", "rule_export_control_unchecked"},
    "investment": {"rule_investment_screening", "rule_investment_screening_unchecked"},
    "nis2": {"rule_nis2", "rule_nis2_unchecked"},
}

# A well-run knowledge-intensive firm whose profile switches every page on, with the best answer everywhere.
WELL_RUN: dict[str, Any] = {
    # profile
    "sector": "high_tech",
    "staff": 40,
    "turnover": "from_2m_to_10m",
    "sensitive_tech": "yes",
    "tech_areas": ["photonics", "listed_goods"],
    "exports": "yes",
    "investors": "both",
    "foreign_partners": "yes",
    "travel_high_risk": "yes",
    "nis2": "entity",
    # crown jewels
    "cj_list": "written",
    "cj_access": "yes",
    "cj_labels": "yes",
    "cj_dual_use_check": "yes",
    "cj_owner_review": "yes",
    # export control
    "ec_classified": "all",
    "ec_screening": "yes",
    "ec_intangible": "yes",
    "ec_technical_assistance": "yes",
    "ec_catch_all": "yes",
    "ec_owner_records": "yes",
    "ec_icp": "yes",
    "ec_training": "yes",
    # investors and partners
    "inv_notification_checked": "yes",
    "inv_due_diligence": "yes",
    "inv_red_flags": "yes",
    "inv_contracts": "yes",
    "inv_board_decides": "yes",
    "inv_investor_access": "yes",
    "inv_recheck": "yes",
    # people
    "ppl_leaver_access": "yes",
    "ppl_report_inside": "yes",
    "ppl_screening": "yes",
    "ppl_approaches": "yes",
    "ppl_contractors": "yes",
    "ppl_access_review": "yes",
    "ppl_ongoing": "yes",
    # visitors and travel
    "vis_register": "yes",
    "vis_closed_areas": "yes",
    "vis_devices": "yes",
    "vis_fairs": "yes",
    "trv_devices": "clean",
    "trv_check_return": "yes",
    "trv_briefing": "yes",
    # cyber
    "cy_mfa": "everywhere",
    "cy_backup_apart": "yes",
    "cy_updates": "yes",
    "cy_call_list": "yes",
    "cy_restore_test": "yes",
    "cy_admin_rights": "yes",
    "cy_passwords": "yes",
    "cy_training": "yes",
    # continuity
    "bc_processes": "yes",
    "bc_plan": "written",
    "bc_targets": "yes",
    "bc_deputies": "yes",
    "bc_exercise": "yes",
    # redundancy
    "red_single_source": "covered",
    "red_supplier_map": "yes",
    "red_contacts_offline": "yes",
    "red_power": "keep_running",
    "red_internet": "yes",
    "red_payments": "yes",
    "red_it_contracts": "yes",
    # governance
    "gov_owner": "yes",
    "gov_nis2_reporting": "yes",
    "gov_report": "yes",
    "gov_rules_known": "yes",
    "gov_review": "yes",
}

# A 12-person software firm with no export activity, no investors, no foreign partners and no risky travel.
SMALL_SOFTWARE_FIRM: dict[str, Any] = {
    "sector": "ict",
    "staff": 12,
    "turnover": "under_2m",
    "sensitive_tech": "no",
    "exports": "no",
    "investors": "no",
    "foreign_partners": "no",
    "travel_high_risk": "no",
    "nis2": "no",
}


@lru_cache(maxsize=1)
def business() -> Questionnaire:
    return load_questionnaire(BUSINESS_FILE)


def answers(**overrides: Any) -> dict[str, Any]:
    """The well-run firm's answers with some changed; answers to questions that end up hidden are ignored."""
    return {**WELL_RUN, **overrides}


def run(**overrides: Any):
    return assess(business(), answers(**overrides), Context())


def shown_question_ids(**overrides: Any) -> list[str]:
    _, path, problems = check_answers(business(), answers(**overrides))
    assert not problems, problems
    return [question.id for question in path.questions]


def applying_domains(result) -> dict[str, Any]:
    return {domain.domain_id: domain for domain in result.domains if domain.applies}


# ------------------------------------------------------------------ the whole file


def test_the_business_file_is_the_business_audiences_questionnaire():
    questionnaire = load_questionnaire(BUSINESS_FILE)
    assert questionnaire.id == "business"
    assert questionnaire.audience.value == "business"


def test_every_action_has_an_owner_and_at_least_one_source():
    questionnaire = business()
    role_ids = {role.id for role in questionnaire.roles}
    assert role_ids == {"management", "it", "hr", "purchasing", "export_compliance"}
    for action in questionnaire.actions:
        assert action.owner in role_ids, action.id
        assert len(action.sources) >= 1, action.id
        assert action.cost is not None, action.id


def test_every_business_action_says_what_why_who_when_effort_and_cost():
    for action in business().actions:
        assert action.title and action.text, action.id
        assert action.timeframe is not None and action.cost is not None, action.id
        assert 1 <= action.effort <= 5 and 1 <= action.impact <= 5, action.id
        assert action.why.count(". ") == 0 and action.why.endswith("."), f"{action.id}: why should be one sentence"


def test_every_scoring_question_is_gated_so_levels_build_on_each_other():
    questionnaire = business()
    for page in questionnaire.pages:
        for question in page.questions:
            if question.domain is not None:
                assert question.gate is not None, question.id


def test_rules_may_apply_actions_say_they_are_orientation_not_legal_advice():
    questionnaire = business()
    rule_actions = [action for action in questionnaire.actions if action.id.startswith("rule_")]
    assert {action.id for action in rule_actions} == set().union(*RULE_ACTIONS.values())
    for action in rule_actions:
        assert "orientation, not legal advice" in action.text, action.id


# ------------------------------------------------------------------ the five scenarios of issue 4


def test_small_software_firm_without_exports_never_sees_export_questions_and_gets_no_export_action():
    shown = shown_question_ids(**SMALL_SOFTWARE_FIRM)
    export_questions = {question.id for question in business().questions_by_id.values() if question.domain == "export_control"}
    assert not export_questions & set(shown)
    result = run(**SMALL_SOFTWARE_FIRM)
    assert not result.domain("export_control").applies
    export_actions = {
        action.id for action in business().actions if action.domain == "export_control" or action.id.startswith("rule_export")
    }
    assert not export_actions & set(result.action_ids())


def test_photonics_startup_negotiating_with_foreign_investor_without_checking_gets_critical_investment_action_first():
    result = run(
        sector="high_tech",
        staff=8,
        turnover="under_2m",
        sensitive_tech="yes",
        tech_areas=["photonics"],
        investors="seeking",
        nis2="no",
        inv_notification_checked="no",
    )
    top = result.actions[0]
    assert top.action_id == "rule_investment_screening_unchecked"
    assert top.critical
    assert result.domain("investors_partners").caps
    assert result.domain("investors_partners").level_id == "initial"
    assert "rule_investment_screening" not in result.action_ids()


def _nothing_done() -> dict[str, Any]:
    """The well-run firm's profile with the lowest-scoring answer to every practice question."""
    worst: dict[str, Any] = {}
    for question in business().questions_by_id.values():
        if question.domain is None or question.id in SMALL_SOFTWARE_FIRM:
            continue
        scored = [option for option in question.options if option.points is not None]
        if scored:
            worst[question.id] = min(scored, key=lambda option: option.points).value
    return answers(**worst)


@pytest.mark.parametrize(
    "profile",
    [{}, SMALL_SOFTWARE_FIRM, {"staff": 25, "sector": "research", "nis2": "supplier"}],
    ids=["knowledge_intensive_exporter", "small_software_firm", "engineering_firm_of_25"],
)
def test_the_plan_runs_from_today_to_this_year_with_critical_steps_first_within_each(profile):
    result = assess(business(), {**_nothing_done(), **profile}, Context())
    assert len(result.actions) >= 10
    assert order_breaks(business(), result.action_ids()) == []


def test_firm_whose_leavers_keep_access_is_capped_in_people_and_insider_risk():
    result = run(ppl_leaver_access="no")
    people = result.domain("people")
    assert people.caps and people.caps[0].question_id == "ppl_leaver_access"
    assert people.level_id == "initial"
    assert people.score < 40
    assert "ppl_close_access_on_leaving" in result.action_ids()


def test_firm_with_a_single_supplier_from_one_country_for_an_indispensable_input_is_capped_in_redundancy():
    result = run(red_single_source="single_no_fallback")
    redundancy = result.domain("redundancy")
    assert redundancy.caps and redundancy.caps[0].question_id == "red_single_source"
    assert redundancy.level_id == "initial"
    planned = {action.action_id: action for action in result.actions}
    assert planned["red_second_source"].critical


@pytest.mark.parametrize(
    "profile",
    [WELL_RUN, {**WELL_RUN, **SMALL_SOFTWARE_FIRM}],
    ids=["knowledge_intensive_exporter", "small_software_firm"],
)
def test_well_run_firm_reaches_the_top_level_in_every_domain_it_sees(profile):
    result = assess(business(), profile, Context())
    domains = applying_domains(result)
    assert domains
    for domain_id, domain in domains.items():
        assert domain.level_id == TOP_LEVEL, domain_id
        assert domain.score == 100, domain_id
        assert not domain.caps and domain.failed_gate is None, domain_id
    assert result.level_id == TOP_LEVEL
    assert not any(action.critical for action in result.actions)


def test_well_run_exporter_with_every_profile_switch_on_sees_all_nine_domains():
    assert set(applying_domains(run())) == {domain.id for domain in business().domains}


# ------------------------------------------------------------------ maturity gates


def test_one_managed_practice_missing_keeps_cyber_at_basic_despite_a_managed_score():
    cyber = run(cy_admin_rights="no").domain("cyber")
    assert cyber.uncapped_score >= 70
    assert cyber.failed_gate == "managed"
    assert cyber.level_id == "basic"


def test_one_resilient_practice_missing_keeps_a_domain_below_resilient_despite_a_resilient_score():
    export_control = run(ec_training="no").domain("export_control")
    assert export_control.uncapped_score >= 90
    assert export_control.failed_gate == TOP_LEVEL
    assert export_control.level_id == "managed"


def test_missing_a_basic_practice_keeps_the_domain_at_initial_whatever_the_rest():
    continuity = run(bc_processes="no").domain("continuity")
    assert continuity.uncapped_score >= 70
    assert continuity.level_id == "initial"


# ------------------------------------------------------------------ don't know


def _yes_no_scoring_questions() -> list[str]:
    return sorted(
        question.id
        for question in business().questions_by_id.values()
        if question.type is QuestionType.YES_NO and question.domain is not None
    )


@pytest.mark.parametrize("question_id", _yes_no_scoring_questions())
def test_dont_know_never_scores_better_than_no(question_id):
    question = business().questions_by_id[question_id]
    assert question_id in shown_question_ids()
    with_no = run(**{question_id: "no"}).domain(question.domain)
    with_dont_know = run(**{question_id: "dont_know"}).domain(question.domain)
    assert with_dont_know.score <= with_no.score
    assert len(with_dont_know.caps) >= len(with_no.caps)
    order = [level.id for level in business().levels]
    assert order.index(with_dont_know.level_id) <= order.index(with_no.level_id)
    assert set(run(**{question_id: "no"}).action_ids()) <= set(run(**{question_id: "dont_know"}).action_ids())


# ------------------------------------------------------------------ which rules may apply


def _rule_actions(result) -> set[str]:
    return {action_id for action_id in result.action_ids() if action_id.startswith("rule_")}


def test_small_software_firm_gets_no_rules_may_apply_actions():
    assert _rule_actions(run(**SMALL_SOFTWARE_FIRM)) == set()


def test_exporting_firm_gets_the_export_control_rule_and_nothing_else():
    result = run(**{**SMALL_SOFTWARE_FIRM, "exports": "yes"})
    assert _rule_actions(result) == {"rule_export_control"}


def test_exporter_that_never_classified_its_items_gets_the_critical_export_rule():
    result = run(**{**SMALL_SOFTWARE_FIRM, "exports": "yes", "ec_classified": "none"})
    assert _rule_actions(result) == {"rule_export_control_unchecked"}
    assert result.actions[0].critical
    assert result.domain("export_control").level_id == "initial"


def test_firm_with_sensitive_technology_and_investors_gets_the_investment_screening_rule():
    result = run(**{**SMALL_SOFTWARE_FIRM, "sensitive_tech": "yes", "tech_areas": ["ai"], "investors": "foreign_now"})
    assert RULE_ACTIONS["investment"] & _rule_actions(result) == {"rule_investment_screening"}


def test_investors_without_sensitive_technology_do_not_trigger_investment_screening():
    result = run(**{**SMALL_SOFTWARE_FIRM, "investors": "seeking"})
    assert not RULE_ACTIONS["investment"] & _rule_actions(result)


@pytest.mark.parametrize("nis2", ["entity", "supplier"])
def test_nis2_entities_and_their_suppliers_get_the_nis2_rule(nis2):
    result = run(**{**SMALL_SOFTWARE_FIRM, "nis2": nis2})
    assert _rule_actions(result) == {"rule_nis2"}


def test_medium_firm_in_a_nis2_sector_that_does_not_know_gets_the_critical_nis2_rule():
    result = run(**{**SMALL_SOFTWARE_FIRM, "staff": 60, "nis2": "not_sure"})
    assert _rule_actions(result) == {"rule_nis2_unchecked"}
    planned = {action.action_id: action for action in result.actions}
    assert planned["rule_nis2_unchecked"].critical


def test_small_retailer_that_does_not_know_about_nis2_gets_only_the_orientation():
    result = run(**{**SMALL_SOFTWARE_FIRM, "sector": "trade", "nis2": "not_sure"})
    assert _rule_actions(result) == {"rule_nis2"}


def test_nis2_entity_that_cannot_report_within_24_hours_is_capped_in_governance():
    result = run(gov_nis2_reporting="dont_know")
    assert result.domain("governance").level_id == "initial"
    assert "gov_24h_reporting" in result.action_ids()


# ------------------------------------------------------------------ length


def test_a_typical_sme_sees_a_questionnaire_of_15_to_20_minutes():
    typical = len(shown_question_ids(**SMALL_SOFTWARE_FIRM))
    everything = len(shown_question_ids())
    assert 35 <= typical <= everything <= 75

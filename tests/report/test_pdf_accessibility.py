"""The plan PDFs read well with a screen reader: our PDF/UA structure check passes on every plan, in Dutch and
Papiamentu, and page furniture, table headers and links read as they should."""

from __future__ import annotations

import json
from functools import cache

import pytest

from prepcheck.engine import Assessment, Questionnaire, assess
from prepcheck.i18n.catalog import translator_for
from prepcheck.report.service import PlanService
from prepcheck.services import SiteAddress
from prepcheck.tenants import EXAMPLES_DIR, load_tenant
from prepcheck.tenants.branding import pdf_branding, pdf_local_info
from tests.report.report_helpers import ANSWERS, CREATED, SITE, plan_pdf, questionnaire_named, real_link
from tests.support.pdf_checks import link_annotations
from tests.support.pdf_structure import StructureReport, check_structure
from tests.support.plan_answers import worst_case_answers

PLANS = ("household", "household worst case", "business", "business worst case")
LOCALES = ("nl", "pap")
# A municipality's plan adds its logo, a table of local facts and links of its own.
TENANT_PLANS = {"household": "isla-ehempel", "business": "voorbeeldveen"}


@cache
def assessed_plan(plan: str) -> tuple[Questionnaire, Assessment]:
    questionnaire_id = plan.split()[0]
    questionnaire = questionnaire_named(questionnaire_id)
    if plan == "business worst case":
        return questionnaire, assess(questionnaire, worst_case_answers(questionnaire))
    answers_file = {"household": "household_family", "household worst case": "household_worst_case"}.get(
        plan, "business_photonics"
    )
    return questionnaire, assess(questionnaire, json.loads((ANSWERS / f"{answers_file}.json").read_text(encoding="utf-8")))


@cache
def plan(name: str, locale: str) -> bytes:
    return plan_pdf(*assessed_plan(name), locale)


@cache
def checked(name: str, locale: str) -> StructureReport:
    return check_structure(plan(name, locale), locale)


@cache
def tenant_plan(questionnaire_id: str, locale: str) -> bytes:
    questionnaire, assessment = assessed_plan(questionnaire_id)
    tenant = load_tenant(EXAMPLES_DIR / TENANT_PLANS[questionnaire_id])
    branding, assets = pdf_branding(tenant)
    service = PlanService()
    request = service.request_for(
        questionnaire,
        assessment,
        locale,
        created=CREATED,
        branding=branding,
        local=pdf_local_info(tenant),
        recheck_url=real_link(questionnaire, assessment, locale),
        sources_url=SiteAddress(SITE).sources_link(locale, questionnaire.id),
    )
    return service.pdf(questionnaire, request, assets)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("name", PLANS)
def test_every_plan_passes_our_pdf_ua_structure_check(name: str, locale: str) -> None:
    assert checked(name, locale).problems == []


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("questionnaire_id", TENANT_PLANS)
def test_a_municipalitys_plan_passes_our_pdf_ua_structure_check(questionnaire_id: str, locale: str) -> None:
    assert check_structure(tenant_plan(questionnaire_id, locale), locale).problems == []


@pytest.mark.parametrize("locale", LOCALES)
def test_page_numbers_and_running_headers_are_skipped_by_a_screen_reader_not_read_mid_text(locale: str) -> None:
    _ = translator_for(locale).gettext
    pages = checked("business worst case", locale).pages
    for number, page in enumerate(pages, start=1):
        page_number = f"{_('Page')} {number} / {len(pages)}"
        assert page_number in page.artifacts
        assert page_number not in page.content
    # The longest business plan runs its steps over several pages, each headed by the section's title.
    headed = [page for page in pages if page.artifacts.startswith(_("Your action plan"))]
    assert len(headed) >= 2


def test_table_header_cells_say_whether_they_head_a_row_or_a_column() -> None:
    scopes = checked("household", "nl").header_scopes
    # The emergency plan to fill in: a question per row; then the phone numbers: "Name" and "Phone number" columns.
    assert scopes[:-2] == ["/Row"] * (len(scopes) - 2)
    assert scopes[-2:] == ["/Column", "/Column"]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_re_check_link_is_one_link_that_says_what_it_is_for_and_opens_the_full_link(locale: str) -> None:
    questionnaire, assessment = assessed_plan("household worst case")
    full_link = real_link(questionnaire, assessment, locale)
    assert len(full_link) > 500  # the answers travel after '#'
    links = link_annotations(plan("household worst case", locale))
    described = [description for target, description in links if target == full_link]
    assert described == [translator_for(locale).gettext("Do the check again with your answers of today")]
    assert all(len(description) <= 60 for _, description in links)


def test_a_municipalitys_links_are_described_by_what_they_lead_to() -> None:
    links = dict(link_annotations(tenant_plan("business", "nl")))
    assert links["https://www.voorbeeldveen.example/contact"] == "Contact met Gemeente Voorbeeldveen"
    assert links["https://www.voorbeeldveen.example/veiligheid/hoogwater"] == "Hoogwater van de Vliet"

"""What a reader finds in the action plan PDF, and that it is tagged, A4 and self-contained."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from prepcheck.engine import Assessment, Questionnaire
from prepcheck.report.service import PlanService
from prepcheck.views.present import AssessmentPresenter
from tests.report.report_helpers import CREATED, pdf_text

A4 = (595.28, 841.89)


def test_actions_appear_in_the_same_order_as_on_the_result_page(
    household: tuple[Questionnaire, Assessment], household_pdf: bytes
) -> None:
    questionnaire, assessment = household
    titles = [action.title for action in AssessmentPresenter(questionnaire, "en").present(assessment).actions]
    text = pdf_text(household_pdf)
    plan = text[text.index("Your action plan 1.") :]
    positions = [plan.index(f"{number}. {title}") for number, title in enumerate(titles, start=1)]
    assert positions == sorted(positions)
    assert len(titles) >= 8


def test_the_plan_shows_the_households_own_quantities(household_pdf: bytes) -> None:
    text = pdf_text(household_pdf)
    # two adults, two children and a dog: 36 litres for the people plus 1.5 for the dog; 10 litres in store
    assert "Drinking water for everyone, pets included: 37.5 litres" in text
    assert "Water you still need to add: 28 litres" in text
    assert "Cash to keep at home: € 200" in text


def test_household_plan_has_shopping_list_fill_in_plan_sources_and_redo_date(household_pdf: bytes) -> None:
    text = pdf_text(household_pdf)
    assert "Shopping list for your emergency kit" in text
    assert "Our emergency plan" in text
    assert "Who picks up the children" in text
    assert "https://english.denkvooruit.nl/prepare-yourself/putting-together-an-emergency-kit" in text
    assert "Do this check again around 28 May 2027" in text
    assert "K7QM-3XWA-9TPE" in text
    assert "Made on 28 November 2026" in text


def test_business_plan_has_rules_section_and_overview_by_owner(business: tuple[Questionnaire, Assessment]) -> None:
    questionnaire, assessment = business
    service = PlanService()
    text = pdf_text(service.pdf(questionnaire, service.request_for(questionnaire, assessment, "en", created=CREATED)))
    assert "Which rules may apply to you" in text
    assert "not legal advice" in text
    assert "Who does what" in text
    assert "Management (owner or director)" in text
    assert "Shopping list" not in text


def test_pdf_is_tagged_pdf_ua_with_title_and_language(household_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(household_pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert root["/Lang"] == "en"
    assert reader.metadata.title == "Your action plan: How ready is your household?"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfuaid:part" in xmp


def test_pdf_is_a4_with_every_font_embedded_from_one_family(household_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(household_pdf))
    fonts = set()
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts == {"Open-Sans", "Open-Sans-Bold"}


def test_pages_are_numbered(household_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(household_pdf))
    count = len(reader.pages)
    assert f"Page 2 / {count}" in reader.pages[1].extract_text()


def test_the_chart_has_a_text_alternative_with_every_figure(
    household: tuple[Questionnaire, Assessment], household_pdf: bytes
) -> None:
    questionnaire, assessment = household
    text = pdf_text(household_pdf)
    for domain in AssessmentPresenter(questionnaire, "en").present(assessment).domains:
        if domain.applies:
            assert f"{domain.title}: {domain.level_title} ({domain.score}/100)" in text

"""What a reader finds in the action plan PDF, and that it is tagged, A4 and self-contained."""

from __future__ import annotations

import re
from io import BytesIO

from pypdf import PdfReader

from prepcheck.engine import Assessment, Questionnaire
from prepcheck.views.present import AssessmentPresenter
from tests.report.report_helpers import SITE, pdf_text
from tests.support.pdf_checks import link_targets, page_count

A4 = (595.28, 841.89)


def test_actions_appear_in_the_same_order_and_numbers_as_on_the_result_page(
    household: tuple[Questionnaire, Assessment], household_pdf: bytes
) -> None:
    questionnaire, assessment = household
    titles = [action.title for action in AssessmentPresenter(questionnaire, "en").present(assessment).actions]
    text = pdf_text(household_pdf)
    plan = text[text.index("Start with these three") :]
    positions = [plan.index(f"{number}. {title}") for number, title in enumerate(titles, start=1)]
    assert positions == sorted(positions)
    assert len(titles) >= 8


def test_the_first_page_starts_with_three_steps_in_a_sentence_each_and_what_to_buy(household_pdf: bytes) -> None:
    first_page = " ".join(PdfReader(BytesIO(household_pdf)).pages[0].extract_text().split())
    assert "Start with these three" in first_page
    # Each step in a sentence with its amount, as on the result page, and how to start on it in one more.
    assert "1. Add more drinking water: 28 litres" in first_page
    assert "You have some water, but not enough for the whole time." in first_page
    assert "Fill more clean bottles" not in first_page
    assert "4. " not in first_page
    assert "What you still need to get" in first_page


def test_the_shopping_list_says_how_much_is_still_missing_never_a_dash(household_pdf: bytes) -> None:
    text = pdf_text(household_pdf)
    shopping = text[text.index("What you still need to get") : text.index("Our emergency plan")]
    # 37.5 litres needed, 10 in store; € 200 of cash for two adults and two children, € 50 at home.
    assert "Add more drinking water: add 28 litres" in shopping
    assert "Keep some cash at home: add € 200" not in shopping
    assert "add € 150" in shopping
    assert "–" not in shopping


def test_the_plan_shows_the_households_own_quantities(household_pdf: bytes) -> None:
    text = pdf_text(household_pdf)
    # two adults, two children and a dog: 36 litres for the people plus 1.5 for the dog; 10 litres in store
    assert "Add more drinking water: 28 litres" in text
    assert "Drinking water for everyone, pets included: 37.5 litres" in text
    assert "Cash to keep at home: € 200" in text


def test_the_household_plan_is_a_fridge_plan_of_at_most_four_pages(household_pdf: bytes) -> None:
    text = pdf_text(household_pdf)
    assert page_count(household_pdf) <= 4
    assert "Our emergency plan" in text and "Who picks up the children" in text
    assert "The other steps" in text
    assert "Do this check again around 28 May 2027" in text
    assert "Made on 28 November 2026" in text
    # No effort label on every step, and sources by name, not by code.
    assert "Effort:" not in text
    assert not re.search(r"\[[A-Z]+\d+(-gov)?\]", text)
    assert "This advice comes from:" in text and "Denk vooruit" in text


def test_the_sources_are_one_link_to_the_page_that_lists_them_in_full(household_pdf: bytes) -> None:
    targets = link_targets(household_pdf)
    assert f"{SITE}/en/household/sources" in targets
    assert not [target for target in targets if "denkvooruit" in target]
    # The address may wrap at a '/', so it is looked for without the spaces line breaks leave.
    assert "zelftest.example.nl/en/household/sources" in pdf_text(household_pdf).replace(" ", "")


def test_the_re_check_link_is_short_on_paper_and_whole_behind_the_click(household_pdf: bytes) -> None:
    text = pdf_text(household_pdf)
    assert "zelftest.example.nl/en/household/recheck" in text
    recheck = [target for target in link_targets(household_pdf) if "/recheck#" in target]
    assert recheck and len(recheck[0]) > 300
    assert recheck[0].split("#")[1] not in text


def test_business_plan_has_who_does_what_first_and_the_rules_once(
    business_pdf: bytes, business: tuple[Questionnaire, Assessment]
) -> None:
    questionnaire, assessment = business
    text = pdf_text(business_pdf)
    assert text.index("Who does what") < text.index("Which rules may apply to you") < text.index("Your action plan 1.")
    assert "not legal advice" in text
    assert "Management (owner or director)" in text
    assert "Shopping list" not in text and "What you still need to get" not in text
    view = AssessmentPresenter(questionnaire, "en").present(assessment)
    rules = [action for action in view.actions if action.section == "rules"]
    assert rules
    for action in rules:
        assert text.count(action.text.split(". ")[0]) == 1, action.id


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


def test_the_chart_gives_every_domains_score_and_level_in_words(
    household: tuple[Questionnaire, Assessment], household_pdf: bytes
) -> None:
    questionnaire, assessment = household
    text = pdf_text(household_pdf)
    chart = text[text.index("How prepared you are, per topic") :]
    for domain in AssessmentPresenter(questionnaire, "en").present(assessment).domains:
        if domain.applies:
            assert f"{domain.score} {domain.title} · {domain.level_title}" in chart

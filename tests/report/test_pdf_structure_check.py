"""Our PDF/UA structure check finds what it is for: on plain WeasyPrint output, on tampered files, on bad HTML."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream, NameObject
from weasyprint import HTML

import prepcheck.report.pdf_tagging
from prepcheck.report.pdf import html_to_pdf
from prepcheck.report.qr import qr_png_data_url
from tests.support.pdf_structure import check_structure

LONG_LINK = "https://zelftest.example.nl/nl/household/recheck#" + "A" * 900
PAGE = f"""<!doctype html><html lang="nl"><head><title>Proef</title>
<style>@page {{ margin: 16mm; @bottom-right {{ content: "Pagina " counter(page); }} }}</style></head><body>
<h1>Proef</h1>
<table><thead><tr><th scope="col">Naam</th><th scope="col">Telefoon</th></tr></thead>
<tbody><tr><td>Huisarts</td><td></td></tr></tbody></table>
<table><tbody><tr><th scope="row">Alarmnummer</th><td>112</td></tr></tbody></table>
<p><a href="{LONG_LINK}" title="Doe de check opnieuw">zelftest.example.nl</a></p>
<figure><img src="{qr_png_data_url("proef")}" alt="Een QR-code"><figcaption>Een QR-code</figcaption></figure>
</body></html>"""


def problems_with(*words: str, among: list[str]) -> list[str]:
    return [problem for problem in among if all(word in problem for word in words)]


def test_the_check_finds_what_plain_weasyprint_leaves_out_and_our_renderer_mends() -> None:
    plain = check_structure(HTML(string=PAGE).write_pdf(pdf_variant="pdf/ua-1"), "nl").problems
    assert problems_with("'Pagina 1'", "not a pagination artifact", among=plain)
    assert problems_with("outside the structure tree", among=plain)
    assert problems_with("(TH) has no /Scope", among=plain)
    assert problems_with("is not in the /IDTree", among=plain)
    assert problems_with("link to https://zelftest", "/Contents", among=plain)
    assert problems_with("Caption stands beside its figure", among=plain)

    ours = check_structure(html_to_pdf(PAGE), "nl")
    # A caption beside its image is the HTML's to mend (the plan has none); everything else is gone.
    assert ours.problems == problems_with("Caption stands beside its figure", among=plain)
    assert ours.header_scopes == ["/Column", "/Column", "/Row"]
    assert ours.pages[0].artifacts == "Pagina 1"


def test_the_check_finds_content_that_is_neither_tagged_nor_an_artifact() -> None:
    writer = PdfWriter(clone_from=PdfReader(BytesIO(html_to_pdf(PAGE))))
    page = writer.pages[0]
    content = ContentStream(page.get_contents(), writer)
    marks = (b"BDC", b"BMC", b"EMC")
    content.operations = [(operands, operator) for operands, operator in content.operations if operator not in marks]
    page.replace_contents(content)
    output = BytesIO()
    writer.write(output)
    problems = check_structure(output.getvalue(), "nl").problems
    assert problems_with("Page 1:", "text operator(s) neither tagged nor artifact", among=problems)
    assert problems_with("Page 1:", "drawing operator(s) neither tagged nor artifact", among=problems)


def test_the_check_finds_a_wrong_language_and_a_file_not_marked_as_tagged() -> None:
    writer = PdfWriter(clone_from=PdfReader(BytesIO(html_to_pdf(PAGE))))
    del writer.root_object[NameObject("/MarkInfo")]
    output = BytesIO()
    writer.write(output)
    problems = check_structure(output.getvalue(), "pap").problems
    assert problems_with("/Lang) is 'nl', not 'pap'", among=problems)
    assert problems_with("/MarkInfo", among=problems)


def test_the_check_finds_a_picture_without_text_and_a_skipped_heading_level() -> None:
    page = f'<!doctype html><html lang="nl"><title>Proef</title><h1>Proef</h1><h3>Stap</h3><img src="{qr_png_data_url("x")}">'
    problems = check_structure(html_to_pdf(page), "nl").problems
    assert problems_with("Figure has no alternative text", among=problems)
    assert problems_with("jumps from H1 to H3", among=problems)


def test_a_plan_is_still_made_when_its_tagging_cannot_be_completed(monkeypatch: pytest.MonkeyPatch) -> None:
    def changed_weasyprint(*arguments: object) -> None:
        raise KeyError("StructTreeRoot")

    monkeypatch.setattr(prepcheck.report.pdf_tagging, "finish_tagging", changed_weasyprint)
    problems = check_structure(html_to_pdf(PAGE), "nl").problems
    assert problems_with("(TH) has no /Scope", among=problems)  # as WeasyPrint tagged it, but a plan all the same

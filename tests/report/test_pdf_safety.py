"""Hostile text in a plan comes out as text, and the renderer never fetches anything but bundled assets."""

from __future__ import annotations

from dataclasses import replace

from prepcheck.engine import Assessment, Questionnaire
from prepcheck.report.fetcher import BundledAssetFetcher
from prepcheck.report.html import Branding, render_report_html
from prepcheck.report.pdf import html_to_pdf
from prepcheck.report.service import PlanService
from tests.report.report_helpers import CREATED, pdf_text

HOSTILE = {
    "title": '<img src="file:///etc/passwd">',
    "text": '<link rel="stylesheet" href="http://attacker.invalid/x.css">',
    "why": '<span style="background: url(http://attacker.invalid/bg.png)">styled</span>',
}


def test_html_and_urls_in_shown_text_are_printed_as_text_and_never_fetched(household: tuple[Questionnaire, Assessment]) -> None:
    questionnaire, assessment = household
    request = PlanService().request_for(
        questionnaire, assessment, "en", created=CREATED, branding=Branding(name="<b>Gemeente</b><script>alert(1)</script>")
    )
    view = request.view
    actions = (replace(view.actions[0], **HOSTILE), *view.actions[1:])
    domains = (replace(view.domains[0], title='<svg onload="x"><image href="file:///etc/hostname"/></svg>'), *view.domains[1:])
    hostile_request = replace(request, view=replace(view, actions=actions, domains=domains))
    fetcher = BundledAssetFetcher()
    text = pdf_text(html_to_pdf(render_report_html(hostile_request, questionnaire), fetcher=fetcher))
    assert '<img src="file:///etc/passwd">' in text
    assert "<b>Gemeente</b><script>alert(1)</script>" in text
    assert fetcher.refused == []
    assert all(url.startswith("prepcheck-asset:") or url.startswith("data:") for url in fetcher.requested)


def test_the_fetcher_refuses_files_network_and_unknown_assets() -> None:
    fetcher = BundledAssetFetcher()
    for url in ("file:///etc/passwd", "http://127.0.0.1/", "https://example.org/x.css", "prepcheck-asset:../../secret"):
        try:
            fetcher.fetch(url)
        except Exception as error:  # WeasyPrint turns this into a missing resource, not a crash
            assert "only bundled assets" in str(error)
        else:
            raise AssertionError(f"{url} was fetched")
    assert len(fetcher.refused) == 4


def test_the_fetcher_serves_the_bundled_font() -> None:
    response = BundledAssetFetcher().fetch("prepcheck-asset:fonts/OpenSans-Regular.ttf")
    assert response.read(4) == b"\x00\x01\x00\x00"

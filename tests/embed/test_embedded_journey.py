"""The whole journey inside the embed, without cookies: the tenant's checks, theme, local information and PDF."""

from __future__ import annotations

from io import BytesIO

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from tests.support.embed_journey import EMBED, complete_all_features, start_embedded
from tests.support.plan_download import follow_download
from tests.support.web_journey import h1, soup

pytestmark = pytest.mark.database


def test_the_landing_page_offers_only_the_tenants_checks_without_site_chrome(client: FlaskClient) -> None:
    page = soup(client.get(EMBED + "/en/"))
    actions = sorted(form["action"] for form in page.select("form[action$='/start']"))
    assert actions == [f"{EMBED}/en/all_features/start", f"{EMBED}/en/web_save_resume/start"]
    assert page.select_one(".site-header") is None and page.select_one(".site-footer") is None
    assert page.select_one("body.embedded") is not None


def test_a_check_the_tenant_does_not_offer_cannot_be_started_in_its_embed(client: FlaskClient) -> None:
    assert client.get(EMBED + "/web_branching/").status_code == 404
    assert client.post(EMBED + "/web_branching/start", data={"token": "x"}).status_code == 404


def test_the_tenants_default_language_applies_unless_the_url_names_one(client: FlaskClient) -> None:
    assert soup(client.get(EMBED + "/")).find("html")["lang"] == "nl"
    assert soup(client.get(EMBED + "/en/")).find("html")["lang"] == "en"
    assert soup(client.get(EMBED + "/pap/")).find("html")["lang"] == "pap"


def test_the_journey_is_completed_inside_the_embed_and_every_link_stays_in_it(client: FlaskClient) -> None:
    result_url = complete_all_features(client, EMBED + "/en")
    result = client.get(result_url)
    assert result.status_code == 200
    assert h1(result) == "Your result"
    links = [a["href"] for a in soup(result).select("main a[href^='/']")]
    assert links and all(link.startswith(EMBED + "/en/") for link in links), links


def test_the_tenants_theme_is_served_as_css_and_linked_from_every_embed_page(client: FlaskClient) -> None:
    page = soup(client.get(EMBED + "/"))
    assert page.find("link", href=f"{EMBED}/theme.css") is not None
    css = client.get(f"{EMBED}/theme.css")
    assert css.mimetype == "text/css"
    text = css.get_data(as_text=True)
    assert "--colour-brand: #7a1f5c;" in text and "--font-stack: Georgia, serif;" in text and "--radius: 0;" in text


def test_the_result_page_shows_the_tenants_local_information(client: FlaskClient) -> None:
    result = client.get(complete_all_features(client, EMBED + "/en"))
    local = soup(result).select_one(".local-info")
    assert local is not None
    text = " ".join(local.get_text(" ").split())
    for expected in (
        "In an emergency in Gemeente Proefdorp",
        "112",
        "0900-8844",
        "Radio Proef, 101.7 FM",
        "Veiligheidsregio Proefland",
        "Dorpshuis De Proef",
        "Overstroming van de Proefbeek",
    ):
        assert expected in text, expected
    assert local.find("a", href="https://www.proefdorp.example/risico/beek") is not None
    assert local.find("a", href="https://www.proefdorp.example/contact") is not None


def test_the_result_page_outside_the_embed_has_no_local_information(client: FlaskClient) -> None:
    url = complete_all_features(client, EMBED + "/en").replace(EMBED + "/en", "/en")
    assert soup(client.get(url)).select_one(".local-info") is None


def test_the_pdf_carries_the_tenants_name_logo_radio_and_local_information(client: FlaskClient) -> None:
    result = client.get(complete_all_features(client, EMBED + "/en"))
    link = soup(result).find("a", href=lambda href: bool(href) and href.endswith("/action-plan.pdf"))
    assert link["href"].startswith(EMBED + "/en/")
    pdf = follow_download(client, link["href"])
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    reader = PdfReader(BytesIO(pdf.data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Gemeente Proefdorp" in cover
    for expected in (
        "Radio Proef, 101.7 FM",
        "In an emergency in Gemeente Proefdorp",
        "0900-8844",
        "Dorpshuis De Proef",
        "Overstroming van de Proefbeek",
        "https://www.proefdorp.example/risico/beek",
        "https://www.proefdorp.example/contact",
    ):
        assert expected in text, expected
    assert (
        any("/XObject" in str(page.get("/Resources", {})) for page in reader.pages[:1])
        or b"/Image" in pdf.data
        or b"/Form" in pdf.data
    )


def test_heading_levels_can_be_offset_to_fit_the_host_page(app: Flask) -> None:
    app.test_client_class = FlaskClient  # the page checker wants one h1; an offset page has none on purpose
    plain = app.test_client(use_cookies=False)
    html = plain.get(EMBED + "/h3/en/").get_data(as_text=True)
    assert "<h1" not in html
    assert "<h3>Are you ready for an emergency?</h3>" in html
    assert "<h4>Choose a check</h4>" in html
    links = soup(plain.get(EMBED + "/h3/en/")).select("form[action$='/start']")
    assert all(form["action"].startswith(EMBED + "/h3/en/") for form in links)


def test_the_embed_page_offers_to_open_it_in_a_new_window(client: FlaskClient) -> None:
    url = start_embedded(client, "web_save_resume", EMBED + "/en")
    page = soup(client.get(url))
    link = page.find("a", string="Open this page in a new window")
    assert link is not None and link["target"] == "_blank" and link["href"].endswith(url)

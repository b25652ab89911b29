"""The plan PDF carries the re-check link (code only after '#', behind a short visible link) and a QR code of it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from prepcheck import create_app
from prepcheck.cli import main
from prepcheck.engine import assess, load_questionnaire
from prepcheck.engine.answers import to_document
from prepcheck.engine.recheck_code import encode
from prepcheck.engine.recheck_code import recheck_link as make_link
from prepcheck.report.fetcher import BundledAssetFetcher
from prepcheck.report.html import render_report_html
from prepcheck.report.pdf import html_to_pdf
from prepcheck.report.service import PlanService
from prepcheck.services import services_of
from tests.recheck.recheck_steps import complete, recheck_link, soup
from tests.support.page_conventions import CheckedClient
from tests.support.paths import TEST_QUESTIONNAIRES
from tests.support.pdf_checks import link_targets, pdf_text, qr_images, shows_qr_of
from tests.support.web_apps import render_plans_in_process

EXAMPLE_ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "all_features_example.json"


def pdf_of(client: FlaskClient, result_url: str) -> bytes:
    response = client.get(result_url.replace("your-result", "action-plan.pdf"))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return response.data


def test_the_pdf_from_the_web_carries_the_link_with_the_code_after_the_hash_and_its_qr_code(client: FlaskClient) -> None:
    result_url = complete(client)
    link = recheck_link(client.get(result_url))
    pdf = pdf_of(client, result_url)
    assert link in link_targets(pdf)
    address, code = link.split("#")
    assert address == "http://localhost/en/all_features/recheck" and len(code) > 100
    text = pdf_text(pdf)
    assert "Do the check again" in text and "Scan the QR code" in text
    # On paper the link is short (the code is in the QR code and behind the click), so it wraps on no page.
    assert "localhost/en/all_features/recheck" in text and code not in text
    images = qr_images(pdf)
    assert any(shows_qr_of(image, link) for image in images), f"no QR code of the link among {len(images)} images"


def test_the_site_address_comes_from_the_setting_when_there_is_one(tmp_path: Path) -> None:
    app = create_app(
        instance_path=tmp_path / "instance", questionnaire_dir=TEST_QUESTIONNAIRES, public_url="https://check.example.nl/"
    )
    app.test_client_class = CheckedClient
    render_plans_in_process(app)
    client = app.test_client(use_cookies=False)
    result_url = complete(client)
    link = recheck_link(client.get(result_url))
    assert link.startswith("https://check.example.nl/en/all_features/recheck#")
    assert link in link_targets(pdf_of(client, result_url))
    download = client.get(soup(client.get(result_url)).select_one(".recheck-offer a[download]")["href"])
    assert json.loads(download.data)["recheck_link"] == link


def test_the_qr_code_is_a_data_url_image_and_nothing_else_is_fetched(app: Flask) -> None:
    questionnaire = services_of(app).questionnaires["all_features"]
    answers = json.loads(EXAMPLE_ANSWERS.read_text(encoding="utf-8"))
    assessment = assess(questionnaire, answers)
    link = make_link("https://check.example.nl", "en", "all_features", encode(questionnaire, answers, assessment))
    request = PlanService().request_for(questionnaire, assessment, "en", recheck_url=link)
    html = render_report_html(request, questionnaire)
    assert 'src="data:image/png;base64,' in html
    fetcher = BundledAssetFetcher()
    pdf = html_to_pdf(html, fetcher=fetcher)
    assert fetcher.refused == []
    assert any(url.startswith("data:image/png") for url in fetcher.requested)
    assert any(shows_qr_of(image, link) for image in qr_images(pdf))
    # Without a link (the CLI without PREPCHECK_PUBLIC_URL) neither the link nor a QR code is printed.
    plain = html_to_pdf(render_report_html(PlanService().request_for(questionnaire, assessment, "en"), questionnaire))
    assert link_targets(plain) == [] and not any(shows_qr_of(image, link) for image in qr_images(plain))


def test_the_cli_prints_the_link_only_with_the_site_address_set(tmp_path: Path) -> None:
    questionnaire = load_questionnaire(TEST_QUESTIONNAIRES / "all_features.yaml")
    answers = json.loads(EXAMPLE_ANSWERS.read_text(encoding="utf-8"))
    assessment = assess(questionnaire, answers)
    code = encode(questionnaire, to_document(assessment.answers), assessment)
    with_link, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    args = ["pdf", str(EXAMPLE_ANSWERS), "-q", "all_features", "--lang", "en"]
    result = CliRunner().invoke(main, [*args, "-o", str(with_link)], env={"PREPCHECK_PUBLIC_URL": "https://check.example.nl"})
    assert result.exit_code == 0, result.output
    assert set(link_targets(with_link.read_bytes())) == {
        f"https://check.example.nl/en/all_features/recheck#{code}",
        "https://check.example.nl/en/all_features/sources",
    }
    result = CliRunner().invoke(main, [*args, "-o", str(without)], env={"PREPCHECK_PUBLIC_URL": ""})
    assert result.exit_code == 0, result.output
    assert link_targets(without.read_bytes()) == []


def test_the_api_pdf_carries_the_link_to_this_sites_re_check_page(client: FlaskClient) -> None:
    answers = json.loads(EXAMPLE_ANSWERS.read_text(encoding="utf-8"))
    response = client.post("/api/v1/assessments/pdf", json={"questionnaire": "all_features", "answers": answers, "lang": "nl"})
    assert response.status_code == 200
    code = client.post("/api/v1/recheck/encode", json={"questionnaire": "all_features", "answers": answers}).get_json()["code"]
    assert set(link_targets(response.data)) == {
        f"http://localhost/nl/all_features/recheck#{code}",
        "http://localhost/nl/all_features/sources",
    }

"""The plan PDF carries the re-check link (code only after '#') and a QR code of exactly that link."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path
from typing import Any

import segno
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from prepcheck import create_app
from prepcheck.cli import main
from prepcheck.engine import assess, load_questionnaire
from prepcheck.engine.answers import to_document
from prepcheck.engine.recheck_code import encode
from prepcheck.engine.recheck_code import recheck_link as make_link
from prepcheck.report.fetcher import BundledAssetFetcher
from prepcheck.report.html import render_report_html
from prepcheck.report.pdf import html_to_pdf
from prepcheck.report.qr import QR_BORDER, QR_SCALE
from prepcheck.report.service import PlanService
from prepcheck.services import services_of
from tests.recheck.recheck_steps import complete, recheck_link, soup
from tests.support.page_conventions import CheckedClient
from tests.support.paths import TEST_QUESTIONNAIRES
from tests.support.web_apps import render_plans_in_process

EXAMPLE_ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "all_features_example.json"


def link_targets(pdf: bytes) -> list[str]:
    targets = []
    for page in PdfReader(BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def qr_images(pdf: bytes) -> list[Any]:
    return [image.image for page in PdfReader(BytesIO(pdf)).pages for image in page.images]


def shows_qr_of(image: Any, text: str) -> bool:
    """True when the picture is module for module the QR code segno makes of `text`."""
    rows = [
        list(row) for row in segno.make(text, error="l", boost_error=True, micro=False).matrix_iter(scale=1, border=QR_BORDER)
    ]
    if image.size != (len(rows[0]) * QR_SCALE, len(rows) * QR_SCALE):
        return False
    grey = image.convert("L")
    return all(
        (grey.getpixel((x * QR_SCALE + QR_SCALE // 2, y * QR_SCALE + QR_SCALE // 2)) < 128) == bool(dark)
        for y, row in enumerate(rows)
        for x, dark in enumerate(row)
    )


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
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages)
    assert "Do the check again" in text and "scan this QR code" in text
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
    # The long link wraps over lines; each line is a link to the whole address.
    assert set(link_targets(with_link.read_bytes())) == {f"https://check.example.nl/en/all_features/recheck#{code}"}
    result = CliRunner().invoke(main, [*args, "-o", str(without)], env={"PREPCHECK_PUBLIC_URL": ""})
    assert result.exit_code == 0, result.output
    assert link_targets(without.read_bytes()) == []


def test_the_api_pdf_carries_the_link_to_this_sites_re_check_page(client: FlaskClient) -> None:
    answers = json.loads(EXAMPLE_ANSWERS.read_text(encoding="utf-8"))
    response = client.post("/api/v1/assessments/pdf", json={"questionnaire": "all_features", "answers": answers, "lang": "nl"})
    assert response.status_code == 200
    code = client.post("/api/v1/recheck/encode", json={"questionnaire": "all_features", "answers": answers}).get_json()["code"]
    assert set(link_targets(response.data)) == {f"http://localhost/nl/all_features/recheck#{code}"}

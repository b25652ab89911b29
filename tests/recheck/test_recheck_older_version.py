"""A code made with an older version of the questionnaire: what still fits is filled in, the rest is explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck import create_app
from prepcheck.engine import assess, load_questionnaire
from prepcheck.engine.recheck_code import encode
from prepcheck.services import services_of
from tests.recheck.recheck_steps import send_code, soup, stored_responses, text
from tests.support.page_conventions import CheckedClient
from tests.support.paths import TEST_QUESTIONNAIRES
from tests.support.web_journey import h1

OLD_ANSWERS = {
    "adults": 2,
    "pets": 0,
    "water_litres": 20,
    "refresh": "yes",
    "radio": "solar",  # an option the current version no longer has
    "channels": ["paper_list", "whistle"],  # one choice no longer exists
    "generator": "yes",  # a question the current version no longer asks
}


def versions(tmp_path: Path) -> tuple[Path, Path]:
    """all_features now (version 2) and as it was last year (version 1: a solar radio, a whistle, a generator)."""
    source = (TEST_QUESTIONNAIRES / "all_features.yaml").read_text(encoding="utf-8")
    current = tmp_path / "current" / "all_features.yaml"
    current.parent.mkdir()
    current.write_text(source.replace("version: 1\n", "version: 2\n", 1), encoding="utf-8")
    replacements = {
        "          - {value: none, label: None, points: 0, critical: true}\n": (
            "          - {value: none, label: None, points: 0, critical: true}\n"
            "          - {value: solar, label: A solar radio, points: 2}\n"
        ),
        "          - {value: neighbours, label: Through neighbours, points: 1}\n": (
            "          - {value: neighbours, label: Through neighbours, points: 1}\n"
            "          - {value: whistle, label: A whistle, points: 1}\n"
        ),
        "  - id: pets_page\n": (
            "      - id: generator\n"
            "        type: yes_no\n"
            "        text: Do you have a generator?\n"
            "        domain: contact\n"
            "        points: {yes: 1, no: 0}\n"
            "  - id: pets_page\n"
        ),
    }
    for old, new in replacements.items():
        assert source.count(old) == 1, old
        source = source.replace(old, new)
    old = tmp_path / "all_features_old.yaml"
    old.write_text(source, encoding="utf-8")
    return current.parent, old


@pytest.fixture()
def app(tmp_path: Path) -> Flask:
    """The app serving version 2 of all_features."""
    current, _ = versions(tmp_path)
    application = create_app(instance_path=tmp_path / "instance", questionnaire_dir=current)
    application.test_client_class = CheckedClient
    return application


def test_an_older_versions_code_fills_in_what_still_fits_and_says_what_was_left_out(
    app: Flask, client: FlaskClient, tmp_path: Path
) -> None:
    (tmp_path / "old").mkdir()
    old = load_questionnaire(versions(tmp_path / "old")[1])
    assert old.id == "all_features" and old.version == 1
    assert services_of(app).questionnaires["all_features"].version == 2
    code = encode(old, OLD_ANSWERS, assess(old, OLD_ANSWERS))
    before = stored_responses(app)

    sent = send_code(client, "all_features", code)
    assert sent.status_code == 303 and sent.location.endswith("/from-last-time")
    assert stored_responses(app) == before + 1
    notes = client.get(sent.location)
    assert h1(notes) == "Your answers from last time"
    items = [" ".join(li.get_text(" ").split()) for li in soup(notes).select(".recheck-notes li")]
    assert items == [
        "The check has changed since last time. Your answers that still fit were filled in.",
        "“Which radio do you have that works without power?”: your answer from last time no longer fits this question, "
        "so it was left out. Answer it again.",
        "“How can you reach your family without the internet?”: some choices you made last time no longer exist. "
        "Your other choices were filled in.",
        "Questions from last time that are no longer asked: 1. Their answers were left out.",
    ]
    assert "Answers filled in from last time: 5." in text(notes)

    # Continue goes to the first page that needs an answer: the radio question lost its answer.
    onward = soup(notes).find("a", string="Continue")["href"]
    assert onward.endswith("/radio_page")
    radio_page = soup(client.get(onward))
    assert radio_page.find("input", attrs={"name": "radio", "checked": True}) is None
    assert [box["value"] for box in radio_page.find_all("input", attrs={"name": "channels", "checked": True})] == ["paper_list"]
    water_page = soup(client.get(onward.replace("radio_page", "water_page")))
    assert water_page.find("input", attrs={"name": "water_litres"})["value"] == "20"


def test_the_notes_page_is_only_there_for_a_re_check(client: FlaskClient) -> None:
    from tests.recheck.recheck_steps import complete

    result_url = complete(client)
    assert client.get(result_url.replace("your-result", "from-last-time")).status_code == 404

"""A result page for any answer set, reached the way a returning user reaches it: by pasting a re-check code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from prepcheck.engine import assess
from prepcheck.engine.recheck_code import encode
from prepcheck.services import services_of
from tests.support.web_journey import form_of

ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "answers"


def fixture_answers(name: str) -> dict[str, Any]:
    """An answer set from tests/fixtures/answers."""
    return dict(json.loads((ANSWERS / f"{name}.json").read_text(encoding="utf-8")))


FAMILY_IN_UTRECHT = fixture_answers("household_family")
"""Two adults, two children and a dog in Utrecht, with some water, no radio, little cash and no written plan."""
ENGINEERING_FIRM = {**fixture_answers("business_photonics"), "sector": "research", "staff": 25, "nis2": "supplier"}
"""A 25-person research and engineering firm that supplies a NIS2 entity, with gaps in several domains."""


def result_url(
    client: FlaskClient,
    app: Flask,
    questionnaire_id: str,
    answers: dict[str, Any],
    last_time: dict[str, Any] | None = None,
    prefix: str = "",
) -> str:
    """The result URL of a check filled in with `answers`; with `last_time`, it compares with those answers' scores."""
    questionnaire = services_of(app).questionnaires[questionnaire_id]
    earlier = assess(questionnaire, last_time) if last_time is not None else None
    code = encode(questionnaire, answers, earlier)
    action, hidden = form_of(client.get(f"{prefix}/{questionnaire_id}/recheck"))
    response = client.post(action, data={**hidden, "code": code}, content_type="multipart/form-data")
    assert response.status_code == 303 and response.location.endswith("/check-your-answers"), response.location
    return response.location.replace("check-your-answers", "your-result")

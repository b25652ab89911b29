"""A request loads its response once and computes the path, the assessment and the presented view once."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck.engine.assess import assess_path
from prepcheck.engine.path import compute_path
from prepcheck.store import ResponseStore
from prepcheck.views.present import AssessmentPresenter
from tests.support.web_apps import render_plans_in_process
from tests.support.web_journey import answer, start

PAGES = [
    {"adults": "2", "pets": "1"},
    {"water_litres": "4", "refresh": "dont_know"},
    {"radio": "none", "channels": ["paper_list", "meeting_place"]},
    {"pet_plan": "no", "note": "Cat flap is broken"},
]


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each costly step ran, wherever prepcheck calls it from."""
    counted: Counter[str] = Counter()

    def counting(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counted[name] += 1
            return function(*args, **kwargs)

        return wrapper

    for function in (assess_path, compute_path):
        wrapper = counting(function.__name__, function)
        for module in [module for name, module in sys.modules.items() if name.startswith("prepcheck")]:
            if getattr(module, function.__name__, None) is function:
                monkeypatch.setattr(module, function.__name__, wrapper)
    monkeypatch.setattr(ResponseStore, "load", counting("load", ResponseStore.load))
    monkeypatch.setattr(AssessmentPresenter, "__init__", counting("presenter", AssessmentPresenter.__init__))
    monkeypatch.setattr(AssessmentPresenter, "present", counting("present", AssessmentPresenter.present))
    return counted


def finished(client: FlaskClient) -> str:
    """A journey answered to the end; its base URL."""
    url = start(client, "all_features")
    for page in PAGES:
        url = answer(client, url, page).location
    return url.removesuffix("/check-your-answers")


def test_the_result_page_computes_each_step_once(client: FlaskClient, calls: Counter[str]) -> None:
    journey = finished(client)
    calls.clear()
    assert client.get(f"{journey}/your-result").status_code == 200
    assert calls == {"load": 1, "compute_path": 1, "assess_path": 1, "presenter": 1, "present": 1}


def test_the_plan_download_computes_each_step_once(app: Flask, client: FlaskClient, calls: Counter[str]) -> None:
    render_plans_in_process(app)
    journey = finished(client)
    calls.clear()
    response = client.get(f"{journey}/action-plan.pdf")
    assert response.data.startswith(b"%PDF-")
    assert calls == {"load": 1, "compute_path": 1, "assess_path": 1, "presenter": 1, "present": 1}


def test_the_answers_file_assesses_once_and_presents_nothing(client: FlaskClient, calls: Counter[str]) -> None:
    journey = finished(client)
    calls.clear()
    assert client.get(f"{journey}/your-answers.json").status_code == 200
    assert calls == {"load": 1, "compute_path": 1, "assess_path": 1, "presenter": 1}


def test_the_api_pdf_computes_each_step_once(app: Flask, client: FlaskClient, calls: Counter[str]) -> None:
    render_plans_in_process(app)
    answers = {"adults": 2, "pets": 1, "water_litres": 4, "refresh": "dont_know", "radio": "none", "channels": ["paper_list"]}
    answers |= {"pet_plan": "no"}
    response = client.post("/api/v1/assessments/pdf", json={"questionnaire": "all_features", "answers": answers, "lang": "en"})
    assert response.data.startswith(b"%PDF-")
    assert calls == {"compute_path": 1, "assess_path": 1, "presenter": 1, "present": 1}

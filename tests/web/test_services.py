"""One composition root: the app builds its services once, and the web, the API and the commands all read them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, Response
from flask.testing import FlaskClient

import prepcheck
from prepcheck.engine.questionnaires import QuestionnaireRegistry
from prepcheck.report.plan_queue import PlanQueue
from prepcheck.report.renderers import InProcessPlans, QueuedPlans
from prepcheck.services import Services, services, services_of
from tests.support.web_apps import checked_app, swap_services
from tests.support.web_journey import soup

GONE_REDIS = "redis://127.0.0.1:1/0"
"""Nothing listens on port 1: any Redis call would fail at once."""


def test_the_app_builds_each_service_once_however_many_requests_it_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []

    def counted(name: str, make: Any) -> Any:
        def counting(*args: Any, **kwargs: Any) -> Any:
            built.append(name)
            return make(*args, **kwargs)

        return counting

    monkeypatch.setattr(prepcheck, "plan_renderer", counted("plans", prepcheck.plan_renderer))
    monkeypatch.setattr(prepcheck, "StatisticsStore", counted("statistics", prepcheck.StatisticsStore))
    monkeypatch.setattr(prepcheck, "SiteAddress", counted("site", prepcheck.SiteAddress))
    app = checked_app(tmp_path / "instance")
    client = app.test_client(use_cookies=False)
    for url in ("/", "/en/", "/readyz", "/api/v1/questionnaires", "/api/openapi.json"):
        assert client.get(url).status_code == 200, url
    assert sorted(built) == ["plans", "site", "statistics"]


def test_the_web_and_the_api_read_the_same_services_object(app: Flask, client: FlaskClient) -> None:
    seen: list[Services] = []

    @app.after_request
    def note(response: Response) -> Response:
        seen.append(services())
        return response

    client.get("/")
    client.get("/api/v1/questionnaires")
    assert len(seen) == 2 and all(found is services_of(app) for found in seen)


def test_a_change_to_the_services_shows_in_the_web_and_the_api_alike(app: Flask, client: FlaskClient) -> None:
    only = services_of(app).questionnaires["all_features"]
    swap_services(app, questionnaires=QuestionnaireRegistry([only]))
    offered = [form["action"] for form in soup(client.get("/en/")).select("form[action$='/start']")]
    listed = [item["id"] for item in client.get("/api/v1/questionnaires").get_json()["questionnaires"]]
    assert offered == ["/en/all_features/start"]
    assert listed == ["all_features"]


def test_without_redis_plans_are_made_in_this_process_whose_pool_starts_with_the_first_plan(app: Flask) -> None:
    plans = services_of(app).plans
    assert isinstance(plans, InProcessPlans)
    assert plans.service.pool is not None
    assert plans.service.pool.worker_pids() == []


def test_with_redis_plans_go_to_the_queue_chosen_at_start_without_connecting(tmp_path: Path) -> None:
    app = checked_app(tmp_path / "instance", redis_url=GONE_REDIS)  # starts although Redis does not answer
    plans = services_of(app).plans
    assert isinstance(plans, QueuedPlans)
    assert isinstance(plans.queue, PlanQueue)
    # Settings read later change nothing: the renderer was chosen once, when the app was made.
    app.config["PREPCHECK_SETTINGS"] = replace(app.config["PREPCHECK_SETTINGS"], redis_url=None)
    assert app.test_client().get("/readyz").get_json()["checks"]["redis"] == "unreachable"
    assert services_of(app).plans is plans

"""Anonymous statistics: what a completed check adds, small-group suppression, and the admin page and CSV."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import inspect, select

from prepcheck.services import services_of
from prepcheck.store.statistics import CheckFigures, StatisticRow
from prepcheck.views.statistics import suppress_row
from tests.support.embed_journey import EMBED, complete_all_features
from tests.support.embed_setup import ADMIN_TOKEN
from tests.support.web_journey import response_id

pytestmark = pytest.mark.database

ADMIN = "/en/admin/proefdorp/"
SAME_SITE = {"Sec-Fetch-Site": "same-origin"}


def add_checks(app: Flask, count: int, level: str = "vulnerable", month: str = "2026-03", actions: tuple[str, ...] = ()) -> None:
    figures = CheckFigures("proefdorp", "all_features", month, level, (("water", level),), actions)
    for _ in range(count):
        services_of(app).statistics.add(figures)


def rows(app: Flask) -> list[dict[str, object]]:
    with services_of(app).responses.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(select(StatisticRow.__table__))]


def figures_page(client: FlaskClient, first: str = "2026-01", last: str = "2026-12", token: str = ADMIN_TOKEN) -> str:
    response = client.post(ADMIN, data={"admin_token": token, "from": first, "to": last}, headers=SAME_SITE)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def figures_csv(client: FlaskClient, first: str = "2026-01", last: str = "2026-12") -> list[list[str]]:
    response = client.post(
        "/admin/proefdorp/statistics.csv", data={"admin_token": ADMIN_TOKEN, "from": first, "to": last}, headers=SAME_SITE
    )
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_a_completed_embedded_check_adds_only_month_levels_and_actions(client: FlaskClient, app: Flask) -> None:
    result_url = complete_all_features(client, EMBED + "/en")
    client.get(result_url)
    client.get(result_url)  # shown again: still one check
    stored = rows(app)
    columns = {column["name"] for column in inspect(services_of(app).responses.engine).get_columns("check_statistics")}
    assert columns == {"tenant", "questionnaire", "month", "figure", "item", "level", "count"}
    checks = [row for row in stored if row["figure"] == "checks"]
    assert len(checks) == 1 and checks[0]["count"] == 1 and checks[0]["tenant"] == "proefdorp"
    assert re.fullmatch(r"\d{4}-\d{2}", str(checks[0]["month"]))
    assert {row["figure"] for row in stored} == {"checks", "overall", "domain", "action"}
    everything = repr(stored)
    assert "Cat flap" not in everything and response_id(result_url.replace(EMBED + "/en", "")) not in everything


def test_a_check_outside_any_tenant_is_not_counted(client: FlaskClient, app: Flask) -> None:
    url = complete_all_features(client, EMBED + "/en").replace(EMBED + "/en", "/en")
    # The same response shown outside the embed: no tenant, so nothing is added.
    client.get(url)
    assert rows(app) == []


@pytest.mark.parametrize(
    ("counts", "hidden"),
    [
        ([20, 30, 40], [False, False, False]),
        ([0, 30, 40], [False, False, False]),
        ([3, 30, 40], [True, True, False]),
        ([3, 4, 40], [True, True, True]),
        ([0, 9, 40], [True, True, True]),
        ([12, 9, 40, 11], [False, True, False, True]),
    ],
)
def test_suppression_hides_small_groups_and_enough_others_that_they_cannot_be_worked_out(
    counts: list[int], hidden: list[bool]
) -> None:
    assert suppress_row(counts) == hidden


def test_fewer_than_ten_checks_show_no_figure_in_the_page_or_the_csv(client: FlaskClient, app: Flask) -> None:
    add_checks(app, 9, actions=("store_water",))
    page = figures_page(client)
    assert "fewer than 10" in page and "stats-table" not in page
    table = figures_csv(client)
    checks = [row for row in table if row[2] == "all_features" and row[3] == "checks"]
    assert checks[0][8] == "<10"
    assert all(row[8] in ("<10", "0") for row in table[1:] if row[2] == "all_features")


def test_groups_of_ten_or_more_are_shown_and_smaller_ones_suppressed_alike_in_page_and_csv(
    client: FlaskClient, app: Flask
) -> None:
    add_checks(app, 30, level="vulnerable", actions=("store_water",))
    add_checks(app, 3, level="well_prepared", actions=("pet_plan",))
    page = soup_of(figures_page(client))
    cells = [" ".join(td.get_text(" ").split()) for td in page.select(".stats-table tbody tr:first-child td")]
    # 30, 0 and 3 checks: the 3 is hidden, and so are the others, or 33 - 30 - 0 would give it away.
    assert "33" in page.get_text() and cells == ["fewer than 10"] * 3
    actions = [" ".join(li.get_text(" ").split()) for li in page.select("ol li")]
    assert len(actions) == 1 and "30 checks (91%)" in actions[0]
    table = figures_csv(client)
    overall = {row[6]: row[8] for row in table if row[3] == "overall" and row[2] == "all_features"}
    assert "3" not in overall.values() and list(overall.values()).count("<10") >= 2
    assert [row[4] for row in table if row[3] == "action"] == ["store_water"]


def test_large_groups_are_shown_with_counts_and_shares(client: FlaskClient, app: Flask) -> None:
    add_checks(app, 20, level="vulnerable")
    add_checks(app, 15, level="well_prepared")
    table = figures_csv(client)
    overall = {row[6]: (row[8], row[9]) for row in table if row[3] == "overall" and row[2] == "all_features"}
    assert overall["vulnerable"] == ("20", "57") and overall["well_prepared"] == ("15", "43")


def test_the_period_limits_the_figures(client: FlaskClient, app: Flask) -> None:
    add_checks(app, 12, month="2025-06")
    assert [row[8] for row in figures_csv(client, "2026-01", "2026-12") if row[3] == "checks" and row[2] == "all_features"] == [
        "<10"
    ]
    assert [row[8] for row in figures_csv(client, "2025-01", "2025-12") if row[3] == "checks" and row[2] == "all_features"] == [
        "12"
    ]


def soup_of(html: str):  # type: ignore[no-untyped-def]
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html5lib")


@pytest.mark.parametrize("token", [None, "", "wrong-token-wrong-token-wrong-token-0000"])
def test_the_admin_page_refuses_a_missing_or_wrong_token(client: FlaskClient, app: Flask, token: str | None) -> None:
    add_checks(app, 30)
    data = {"from": "2026-01", "to": "2026-12"} | ({"admin_token": token} if token is not None else {})
    response = client.post(ADMIN, data=data, headers=SAME_SITE)
    assert response.status_code in (200, 403)
    assert "stats-table" not in response.get_data(as_text=True)
    if token:
        assert response.status_code == 403
    assert client.post("/admin/proefdorp/statistics.csv", data=data, headers=SAME_SITE).status_code == 403


def test_the_token_in_the_url_is_ignored_and_a_bearer_header_works(client: FlaskClient, app: Flask) -> None:
    add_checks(app, 30)
    in_url = client.get(f"{ADMIN}?admin_token={ADMIN_TOKEN}&from=2026-01&to=2026-12")
    assert "stats-table" not in in_url.get_data(as_text=True)
    bearer = client.get(f"{ADMIN}?from=2026-01&to=2026-12", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    assert bearer.status_code == 200 and "stats-table" in bearer.get_data(as_text=True)
    csv_download = client.get(
        "/admin/proefdorp/statistics.csv?from=2026-01&to=2026-12", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}
    )
    assert csv_download.status_code == 200


def test_the_admin_page_never_shows_answers(client: FlaskClient, app: Flask) -> None:
    add_checks(app, 12)
    complete_all_features(client, EMBED + "/en")
    page = figures_page(client, "2000-01", "2999-12")
    assert "Cat flap is broken" not in page and "adults" not in page


def test_too_many_wrong_tokens_lock_the_page_for_a_while(client: FlaskClient) -> None:
    for _ in range(10):
        assert client.post(ADMIN, data={"admin_token": "x" * 40}, headers=SAME_SITE).status_code == 403
    assert client.post(ADMIN, data={"admin_token": ADMIN_TOKEN}, headers=SAME_SITE).status_code == 429


def test_a_tenant_without_a_token_hash_keeps_its_page_closed(tmp_path: Path) -> None:
    from prepcheck import create_app
    from tests.support.embed_setup import TENANT_YAML, write_tenant
    from tests.support.paths import TEST_QUESTIONNAIRES

    write_tenant(tmp_path / "tenants", text=TENANT_YAML.replace("admin_token_sha256: {hash}\n", ""))
    app = create_app(
        instance_path=tmp_path / "i",
        questionnaire_dir=TEST_QUESTIONNAIRES,
        tenant_dir=tmp_path / "tenants",
        include_example_tenants=False,
    )
    response = app.test_client().post(ADMIN, data={"admin_token": ""}, headers=SAME_SITE)
    assert "stats-table" not in response.get_data(as_text=True)
    assert app.test_client().get(ADMIN, headers={"Authorization": "Bearer " + ADMIN_TOKEN}).status_code == 403

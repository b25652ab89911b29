"""Property-based fuzzing of every form POST: any input gives a 2xx/3xx/4xx page with a message, never a 5xx,
and never changes answers saved earlier (only a valid page may change its own questions)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prepcheck.engine.answers import convert_answer
from prepcheck.services import services_of
from tests.support.embed_setup import ADMIN_TOKEN, write_tenant
from tests.support.web_apps import checked_app
from tests.support.web_journey import answer, form_of, response_id, start

FUZZ = settings(
    max_examples=min(50, settings.default.max_examples),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
SAME_SITE = {"Sec-Fetch-Site": "same-origin"}

_CONTROL = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=20)
_VALUES = st.one_of(
    st.text(max_size=60),
    _CONTROL,
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", " ", "-1", "1e400", "9" * 400, "0x10", "NaN", "yes", "dont_know", "none", "\u202e\ufeff"]),
    st.integers(min_value=0, max_value=90_000).map(lambda size: "x" * size),  # up to past the body size cap
)


def _form_data(known_names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    names = st.one_of(st.sampled_from(known_names), st.text(max_size=30), _CONTROL)
    return st.dictionaries(names, st.one_of(_VALUES, st.lists(_VALUES, max_size=3)), max_size=8)


@pytest.fixture()
def fuzz_app(tmp_path: Path) -> Iterator[Flask]:
    """The test questionnaires and one tenant; limits high enough that fuzzing reaches the views."""
    write_tenant(tmp_path / "tenants")
    yield checked_app(
        tmp_path / "instance",
        tenant_dir=tmp_path / "tenants",
        include_example_tenants=False,
        rate_limit_resume="100000 per minute",
        rate_limit_admin="100000 per minute",
    )


@pytest.fixture()
def fuzz_client(fuzz_app: Flask) -> FlaskClient:
    return fuzz_app.test_client(use_cookies=False)


def _saved(app: Flask, url: str) -> dict[str, Any]:
    return dict(services_of(app).responses.load(response_id(url)).document.answers)


def _check_answer(response) -> None:  # type: ignore[no-untyped-def]
    """A 2xx/3xx/4xx with something to read: a Location, or a page with a heading and text."""
    assert 200 <= response.status_code < 500, response.status_code
    if 300 <= response.status_code < 400:
        assert response.location
        return
    if response.mimetype == "text/html":
        page = BeautifulSoup(response.get_data(as_text=True), "html5lib")
        assert page.find("h1") is not None and page.find("h1").get_text(strip=True)
        if response.status_code >= 400:
            assert page.find("main").get_text(" ", strip=True) != page.find("h1").get_text(strip=True)


def _post(client: FlaskClient, action: str, data: dict[str, Any], headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return client.post(action, data=data, headers=headers or {})


@FUZZ
@given(data=st.data())
def test_question_page_posts(fuzz_client: FlaskClient, fuzz_app: Flask, data: st.DataObject) -> None:
    first = start(fuzz_client, "all_features")
    second = answer(fuzz_client, first, {"adults": "2", "pets": "1"}).location
    before = _saved(fuzz_app, first)
    page = fuzz_client.get(second)
    action, hidden = form_of(page)
    own = {field["name"] for field in BeautifulSoup(page.get_data(as_text=True), "html5lib").select("form [name]")}
    fields = data.draw(_form_data(sorted(own)))
    keep = data.draw(st.sampled_from(["all", "token", "none"]))
    base = hidden if keep == "all" else ({"token": hidden["token"]} if keep == "token" else {})
    response = _post(fuzz_client, action, {**base, **fields})
    _check_answer(response)
    after = _saved(fuzz_app, first)
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    assert changed <= own, changed
    assert {key: after[key] for key in ("adults", "pets")} == {"adults": 2, "pets": 1}


_DATE_PARTS = ["supplies_checked-day", "supplies_checked-month", "supplies_checked-year"]
_REAL_DATES = st.dates().map(lambda day: dict(zip(_DATE_PARTS, (str(day.day), str(day.month), f"{day.year:04d}"))))
_NEAR_DATES = st.tuples(st.integers(-1, 32), st.integers(-1, 13), st.integers(0, 99_999)).map(
    lambda parts: dict(zip(_DATE_PARTS, map(str, parts)))
)


@FUZZ
@given(
    fields=st.one_of(
        _REAL_DATES, _NEAR_DATES, st.fixed_dictionaries({name: _VALUES for name in _DATE_PARTS}), _form_data(_DATE_PARTS)
    )
)
def test_date_page_posts_save_only_dates_the_engine_accepts(
    fuzz_client: FlaskClient, fuzz_app: Flask, fields: dict[str, Any]
) -> None:
    first = start(fuzz_client, "web_date")
    action, hidden = form_of(fuzz_client.get(first))
    response = _post(fuzz_client, action, {**hidden, **fields})
    _check_answer(response)
    saved = _saved(fuzz_app, first)
    assert set(saved) <= {"supplies_checked"}
    if response.status_code == 303:
        question = services_of(fuzz_app).questionnaires["web_date"].questions_by_id["supplies_checked"]
        assert convert_answer(question, saved["supplies_checked"])[1] is None
    else:
        assert saved == {}


@FUZZ
@given(fields=_form_data(["code", "token"]), keep_token=st.booleans())
def test_resume_posts(fuzz_client: FlaskClient, fields: dict[str, Any], keep_token: bool) -> None:
    action, hidden = form_of(fuzz_client.get("/resume"))
    _check_answer(_post(fuzz_client, action, {**(hidden if keep_token else {}), **fields}))


@FUZZ
@given(fields=_form_data(["token"]), keep_token=st.booleans())
def test_start_posts(fuzz_client: FlaskClient, fields: dict[str, Any], keep_token: bool) -> None:
    landing = BeautifulSoup(fuzz_client.get("/").get_data(as_text=True), "html5lib")
    form = landing.find("form", action="/all_features/start")
    token = form.find("input", attrs={"name": "token"})["value"]
    _check_answer(_post(fuzz_client, "/all_features/start", {**({"token": token} if keep_token else {}), **fields}))


@FUZZ
@given(fields=_form_data(["code", "token", "file"]), keep_token=st.booleans())
def test_recheck_posts(fuzz_client: FlaskClient, fields: dict[str, Any], keep_token: bool) -> None:
    action, hidden = form_of(fuzz_client.get("/all_features/recheck"))
    _check_answer(_post(fuzz_client, action, {**(hidden if keep_token else {}), **fields}))


@FUZZ
@given(fields=_form_data(["admin_token", "from", "to"]), right_token=st.booleans())
def test_admin_posts(fuzz_client: FlaskClient, fields: dict[str, Any], right_token: bool) -> None:
    if right_token:
        fields = {**fields, "admin_token": ADMIN_TOKEN}
    _check_answer(_post(fuzz_client, "/en/admin/proefdorp/", fields, SAME_SITE))
    _check_answer(_post(fuzz_client, "/en/admin/proefdorp/statistics.csv", fields, SAME_SITE))


@FUZZ
@given(fields=_form_data(["token"]))
def test_delete_posts_without_the_right_token_delete_nothing(
    fuzz_client: FlaskClient, fuzz_app: Flask, fields: dict[str, Any]
) -> None:
    first = start(fuzz_client, "all_features")
    answer(fuzz_client, first, {"adults": "2", "pets": "1"})
    action, hidden = form_of(fuzz_client.get(first.rsplit("/", 1)[0] + "/delete-answers"))
    if fields.get("token") == hidden["token"]:
        fields = {**fields, "token": "x"}
    _check_answer(_post(fuzz_client, action, fields))
    assert _saved(fuzz_app, first) == {"adults": 2, "pets": 1}

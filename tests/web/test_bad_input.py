"""Bad input of every kind gets a clear page or a 4xx; nothing from the bad request is saved, nothing earlier lost."""

from __future__ import annotations

from dataclasses import replace

import pytest
from flask import Flask
from flask.testing import FlaskClient

from prepcheck.services import services_of
from tests.support.web_journey import answer, form_of, h1, response_id, start


@pytest.fixture()
def started(client: FlaskClient, app: Flask) -> tuple[str, str]:
    """web_answer_types with the first page answered; (first page URL, second page URL)."""
    first = start(client, "web_answer_types")
    second = answer(client, first, {"torch": "battery"}).location
    return first, second


def _answers(app: Flask, url: str) -> dict[str, object]:
    return services_of(app).responses.load(response_id(url)).document.answers  # type: ignore[no-any-return]


def _post(client: FlaskClient, url: str, data: dict[str, object], **headers: str):  # type: ignore[no-untyped-def]
    action, hidden = form_of(client.get(url))
    return client.post(action, data={**hidden, **data}, headers=headers)


def test_a_forged_option_value_is_refused_and_nothing_is_saved(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    first, _ = started
    response = _post(client, first, {"torch": "flamethrower"})
    assert (response.status_code, h1(response)) == (400, "This form could not be used")
    assert _answers(app, first) == {"torch": "battery"}


def test_a_forged_checkbox_value_is_refused(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    _, second = started
    assert _post(client, second, {"food": ["tins", "caviar"]}).status_code == 400
    assert _answers(app, second) == {"torch": "battery"}


def test_an_unknown_field_name_is_refused(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    first, _ = started
    assert _post(client, first, {"torch": "crank", "cash": "yes"}).status_code == 400
    assert _answers(app, first) == {"torch": "battery"}


def test_two_values_for_a_one_answer_question_are_refused(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    first, _ = started
    assert _post(client, first, {"torch": ["crank", "none"]}).status_code == 400


def test_over_long_text_and_numbers_out_of_range_save_nothing(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    first, _ = started
    url = first.replace("radio_page", "number_page")
    assert _post(client, url, {"litres": "100000"}).status_code == 200
    assert _post(client, url.replace("number_page", "text_page"), {"note": "y" * 500}).status_code == 200
    assert _answers(app, first) == {"torch": "battery"}


def test_a_tampered_token_is_refused(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    first, _ = started
    action, hidden = form_of(client.get(first))
    token = hidden["token"][:-2] + ("AA" if not hidden["token"].endswith("AA") else "BB")
    assert client.post(action, data={"token": token, "torch": "crank"}).status_code == 400
    assert client.post(action, data={"torch": "crank"}).status_code == 400
    assert _answers(app, first) == {"torch": "battery"}


def test_a_token_for_another_response_is_refused(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    first, _ = started
    other = start(client, "web_answer_types")
    _, hidden = form_of(client.get(other))
    assert client.post(first, data={**hidden, "torch": "crank"}).status_code == 400


def test_an_expired_token_gets_a_timed_out_page_and_saves_nothing(client: FlaskClient, app: Flask) -> None:
    first = start(client, "web_answer_types")
    action, hidden = form_of(client.get(first))
    settings = app.config["PREPCHECK_SETTINGS"]
    app.config["PREPCHECK_SETTINGS"] = replace(settings, form_token_max_age=-1)
    response = client.post(action, data={**hidden, "torch": "crank"})
    assert (response.status_code, h1(response)) == (400, "This page has timed out")
    assert _answers(app, first) == {}


def test_an_unknown_response_id_is_not_found(client: FlaskClient) -> None:
    unknown = "/web_answer_types/" + "A" * 32 + "/radio_page"
    assert client.get(unknown).status_code == 404
    assert client.post(unknown, data={"torch": "crank"}).status_code == 404
    assert client.get("/web_answer_types/short/radio_page").status_code == 404


def test_an_unknown_page_is_not_found(client: FlaskClient, started: tuple[str, str]) -> None:
    first, _ = started
    assert client.get(first.replace("radio_page", "no_such_page")).status_code == 404


def test_a_form_replayed_onto_another_page_is_refused(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    first, second = started
    _, first_hidden = form_of(client.get(first))
    assert client.post(second, data={**first_hidden, "food": ["tins"]}).status_code == 400
    assert _answers(app, first) == {"torch": "battery"}


def test_an_old_form_sent_again_with_other_answers_keeps_the_newer_answers(
    client: FlaskClient, app: Flask, started: tuple[str, str]
) -> None:
    first, _ = started
    _, old_hidden = form_of(client.get(first))
    _post(client, first, {"torch": "crank"})
    replay = client.post(first, data={**old_hidden, "torch": "none"})
    assert replay.status_code == 409
    assert "changed in another window" in replay.get_data(as_text=True)
    assert _answers(app, first) == {"torch": "crank"}


def test_the_same_form_sent_twice_goes_on_without_harm(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    first, second = started
    _, hidden = form_of(client.get(first))
    assert client.post(first, data={**hidden, "torch": "crank"}).location == second
    assert client.post(first, data={**hidden, "torch": "crank"}).location == second
    assert _answers(app, first) == {"torch": "crank"}


def test_posting_to_a_page_that_does_not_apply_is_refused(client: FlaskClient, app: Flask) -> None:
    first = start(client, "web_branching")
    answer(client, first, {"has_pets": "no"})
    hidden_page = first.replace("pets_page", "pet_food_page")
    assert client.post(hidden_page, data={"pet_food": "yes"}).status_code == 400
    assert _answers(app, first) == {"has_pets": "no"}


def test_a_cross_site_post_is_refused(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    first, _ = started
    assert _post(client, first, {"torch": "crank"}, **{"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert _post(client, first, {"torch": "crank"}, Origin="https://evil.example").status_code == 403
    assert _post(client, first, {"torch": "crank"}, Origin="null").status_code == 403
    assert _answers(app, first) == {"torch": "battery"}


def test_a_same_origin_post_is_accepted(client: FlaskClient, started: tuple[str, str]) -> None:
    first, second = started
    assert _post(client, first, {"torch": "crank"}, **{"Sec-Fetch-Site": "same-origin"}).location == second
    assert _post(client, first, {"torch": "none"}, Origin="http://localhost").location == second


def test_a_too_large_request_is_refused(client: FlaskClient, app: Flask, started: tuple[str, str]) -> None:
    first, _ = started
    response = _post(client, first, {"torch": "crank", "note": "z" * 100_000})
    assert response.status_code == 413
    assert _answers(app, first) == {"torch": "battery"}

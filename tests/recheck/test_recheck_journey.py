"""The re-check journey end to end, without cookies: result -> code or file -> new check pre-filled -> what changed."""

from __future__ import annotations

import json
import re
from io import BytesIO

from flask import Flask
from flask.testing import FlaskClient

from prepcheck.engine.recheck_code import decode_code
from prepcheck.services import services_of
from tests.recheck.recheck_steps import (
    ALL_FEATURES_PAGES,
    answers_file,
    complete,
    recheck_link,
    send_code,
    soup,
    stored_responses,
    text,
)
from tests.support.handmade_codes import pack
from tests.support.web_journey import answer, h1


def test_a_check_done_again_from_the_link_is_prefilled_and_shows_what_changed_per_domain(
    app: Flask, client: FlaskClient, url_log: object
) -> None:
    result = client.get(complete(client))
    link = recheck_link(result)
    assert link.startswith("http://localhost/en/all_features/recheck#")
    address, code = link.split("#")
    assert code and "#" not in code and code not in address

    # Coming back: the page the link opens, then the form its script (or the user) sends.
    page = client.get("/all_features/recheck")
    assert h1(page) == "Start from your answers of last time"
    script = soup(page).find("script")
    assert script is not None and "location.hash" in script.string
    assert f"'nonce-{script['nonce']}'" in page.headers["Content-Security-Policy"]
    before = stored_responses(app)
    sent = send_code(client, "all_features", link)  # the whole link, as a user without JavaScript would paste it
    assert sent.status_code == 303
    assert sent.location.endswith("/check-your-answers"), "every answer still fits, so the check goes to the summary"
    assert stored_responses(app) == before + 1

    summary = client.get(sent.location)
    assert "Cat flap is broken" in text(summary)
    water_page = sent.location.replace("check-your-answers", "water_page")
    assert soup(client.get(water_page)).find("input", attrs={"name": "water_litres"})["value"] == "4"

    # Something changed since last time: more water now.
    changed = answer(client, water_page + "?change=1", {"water_litres": "30", "refresh": "yes"})
    assert changed.location.endswith("/check-your-answers")
    new_result = client.get(changed.location.replace("check-your-answers", "your-result"))
    table = soup(new_result).select_one(".since-last-time table")
    assert table is not None
    assert table.find("caption").get_text(strip=True) == "Level and score per area, last time and now, out of 100"
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == ["Area", "Last time", "Now", "Change"]
    rows = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")] for row in table.select("tbody tr")
    }
    assert rows["Water"] == ["Vulnerable, 0", "Well prepared, 100", "Better (+100)"]
    assert rows["Staying in touch"] == ["Vulnerable, 33", "Vulnerable, 33", "Same"]
    assert rows["Overall"][2].startswith("Better (+")
    assert "Your overall score went up from 11 to" in text(new_result)
    # The new result offers a new code, holding the new answers.
    assert recheck_link(new_result) != link

    # The answers travelled in a form body only: never in a path or a query string a server would log.
    logged = url_log.lines  # type: ignore[attr-defined]
    assert any(line.endswith("/recheck") for line in logged)
    assert [line for line in logged if code[:40] in line] == []


def test_the_answers_file_holds_the_code_and_the_plain_answers_and_brings_them_back(app: Flask, client: FlaskClient) -> None:
    result = client.get(complete(client))
    download = answers_file(client, result)
    disposition = download.headers["Content-Disposition"]
    assert re.fullmatch(r'attachment; filename="prepcheck-answers-all_features-\d{4}-\d{2}-\d{2}\.json"', disposition)
    assert download.mimetype == "application/json" and download.headers["Cache-Control"] == "no-store"
    content = json.loads(download.data)
    assert content["kind"] == "prepcheck-answers" and content["format"] == 1
    assert content["questionnaire"] == {"id": "all_features", "version": 1}
    assert content["recheck_link"] == recheck_link(result)
    assert content["recheck_link"].endswith("#" + content["recheck_code"])
    assert content["answers"]["note"] == "Cat flap is broken" and content["answers"]["water_litres"] == 4
    assert content["result"]["domains"]["water"] == {"score": 0, "level": "vulnerable"}
    questionnaire = services_of(app).questionnaires["all_features"]
    assert decode_code(questionnaire, content["recheck_code"]).answers == content["answers"]

    uploaded = send_code(client, "all_features", "", answers_file=(BytesIO(download.data), "answers.json"))
    assert uploaded.status_code == 303 and uploaded.location.endswith("/check-your-answers")
    pasted = send_code(client, "all_features", download.get_data(as_text=True))  # the file's text, pasted
    assert pasted.status_code == 303 and pasted.location.endswith("/check-your-answers")
    assert "Cat flap is broken" in text(client.get(pasted.location))


def test_the_bare_code_works_and_the_language_prefix_is_kept(client: FlaskClient) -> None:
    result = client.get(complete(client))
    code = recheck_link(result).split("#")[1]
    page = client.get("/nl/all_features/recheck")
    assert 'lang="nl"' in page.get_data(as_text=True)
    assert soup(page).find("form", id="recheck-form")["action"] == "/nl/all_features/recheck"
    sent = send_code(client, "all_features", f"  {code}\n", prefix="/nl")
    assert sent.status_code == 303 and sent.location.startswith("/nl/all_features/")
    new_result = client.get(sent.location.replace("check-your-answers", "your-result"))
    assert "/nl/all_features/recheck#" in recheck_link(new_result)


def test_a_damaged_code_gets_a_clear_message_on_the_form_and_nothing_is_created(app: Flask, client: FlaskClient) -> None:
    code = recheck_link(client.get(complete(client))).split("#")[1]
    before = stored_responses(app)
    middle = len(code) // 2
    damaged = code[:middle] + ("A" if code[middle] != "A" else "B") + code[middle + 1 :]
    cases = {
        damaged: "This code is damaged: some characters are missing or changed.",
        code[:-5]: "This code is damaged",
        "": "Paste your re-check code, or choose your answers file",
        "hello, this is not it!": "This is not a re-check code.",
        '{"something": "else"}': "This file is not a prepcheck answers file.",
    }
    for entered, message in cases.items():
        response = send_code(client, "all_features", entered)
        assert response.status_code == 422, entered
        summary = [link.get_text(" ", strip=True) for link in soup(response).select(".error-summary a")]
        assert len(summary) == 1 and summary[0].startswith(message), (entered, summary)
        assert soup(response).select_one(".error-summary a")["href"] == "#code"
        assert soup(response).find("p", id="code-error") is not None
        assert soup(response).find("title").get_text().startswith("Error:")
        assert soup(response).find("textarea", id="code").get_text() == entered
    junk = send_code(client, "all_features", "", answers_file=(BytesIO(b"\x89PNG not json"), "photo.png"))
    assert junk.status_code == 422
    assert soup(junk).select_one(".error-summary a")["href"] == "#answers_file"
    assert stored_responses(app) == before


def test_a_forged_code_holding_a_lone_surrogate_is_refused_as_damaged_and_nothing_is_created(
    app: Flask, client: FlaskClient
) -> None:
    # Answered with it, every page of the new check would fail: text with a lone surrogate cannot be sent as UTF-8.
    forged = pack(["all_features", 1, {"adults": 2, "note": "Cat flap \ud800"}, [50, "\ud800", {}]])
    before = stored_responses(app)
    pasted = send_code(client, "all_features", forged)
    answers = json.dumps({"kind": "prepcheck-answers", "format": 1, "recheck_code": forged}).encode()
    uploaded = send_code(client, "all_features", "", answers_file=(BytesIO(answers), "answers.json"))
    for response, field in ((pasted, "#code"), (uploaded, "#answers_file")):
        assert response.status_code == 422
        (message,) = [link.get_text(" ", strip=True) for link in soup(response).select(".error-summary a")]
        assert message.startswith("This code is damaged")
        assert soup(response).select_one(".error-summary a")["href"] == field
    assert stored_responses(app) == before


def test_a_code_for_another_check_is_refused_with_the_reason(client: FlaskClient) -> None:
    code = recheck_link(client.get(complete(client))).split("#")[1]
    response = send_code(client, "web_branching", code)
    assert response.status_code == 422
    assert "This code belongs to another check" in text(response)


def test_the_form_needs_its_token_and_unknown_checks_are_not_found(client: FlaskClient) -> None:
    assert client.get("/no_such_check/recheck").status_code == 404
    refused = client.post("/all_features/recheck", data={"token": "forged", "code": "x"})
    assert refused.status_code == 400


def test_a_result_without_last_time_shows_no_changes(client: FlaskClient) -> None:
    result = client.get(complete(client))
    assert soup(result).select_one(".since-last-time") is None
    assert "Do the check again next year" in text(result)


def test_a_partial_code_without_scores_prefills_and_goes_to_the_first_open_page(app: Flask, client: FlaskClient) -> None:
    from prepcheck.engine.recheck_code import encode

    questionnaire = services_of(app).questionnaires["all_features"]
    code = encode(questionnaire, {"adults": 3, "water_litres": 12})
    sent = send_code(client, "all_features", code)
    # The household page is complete (pets is optional); the water page still needs one answer.
    assert sent.status_code == 303 and sent.location.endswith("/water_page")
    water = soup(client.get(sent.location))
    assert water.find("input", attrs={"name": "water_litres"})["value"] == "12"
    url = sent.location
    for page_id, answers in list(ALL_FEATURES_PAGES.items())[1:3]:
        assert url.endswith(page_id)
        url = answer(client, url, answers).location
    result = client.get(url.replace("check-your-answers", "your-result"))
    assert result.status_code == 200 and soup(result).select_one(".since-last-time") is None

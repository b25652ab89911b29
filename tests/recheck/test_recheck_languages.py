"""The re-check pages in Dutch, Papiamentu and Frisian: the right lang, and no English left on them."""

from __future__ import annotations

import pytest
from flask import Flask

from prepcheck import create_app
from tests.i18n.test_pages_translated import english_only, visible_texts, walk
from tests.recheck.recheck_steps import recheck_link, send_code, soup
from tests.support.handmade_codes import pack
from tests.support.page_conventions import CheckedClient
from tests.support.web_apps import render_plans_in_process


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    application = create_app(instance_path=tmp_path_factory.mktemp("instance"))
    application.test_client_class = CheckedClient
    render_plans_in_process(application)
    return application


@pytest.mark.parametrize("locale", ["nl", "pap", "fy"])
def test_the_re_check_pages_are_translated(app: Flask, locale: str) -> None:
    client = app.test_client(use_cookies=False)
    leftovers = english_only(locale)
    result_url = next(url for url, _ in walk(client, app, locale, "household") if url.endswith("/your-result"))
    link = recheck_link(client.get(result_url))
    assert f"/{locale}/household/recheck#" in link
    pages = {"form": client.get(f"/{locale}/household/recheck")}
    pages["error"] = send_code(client, "household", link[:-6], prefix=f"/{locale}")
    sent = send_code(client, "household", link, prefix=f"/{locale}")
    pages["result with changes"] = client.get(sent.location.replace("check-your-answers", "your-result"))
    assert soup(pages["result with changes"]).select_one(".since-last-time table") is not None
    # A code from an older household version, made by hand.
    old = pack(["household", 0, {"adults": 2, "no_longer_asked": "yes", "adults_typo": 1}, None])
    notes = send_code(client, "household", old, prefix=f"/{locale}")
    assert notes.location.endswith("/from-last-time")
    pages["notes"] = client.get(notes.location)
    assert len(soup(pages["notes"]).select(".recheck-notes li")) == 2
    for name, response in pages.items():
        html = response.get_data(as_text=True)
        assert f'<html lang="{locale}"' in html, name
        assert [text for text in visible_texts(html) if text in leftovers] == [], name
    pdf_url = result_url.replace("your-result", "action-plan.pdf")
    assert client.get(pdf_url).status_code == 200

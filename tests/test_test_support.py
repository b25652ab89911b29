"""The test suite's own machinery: the page check fails bad pages and parses each page once."""

from __future__ import annotations

from pathlib import Path

from tests.support.page_conventions import page_problems, parsed
from tests.support.web_apps import checked_app

GOOD_PAGE = "<!doctype html><html lang='en'><head><title>Water - prepcheck</title></head><body><h1>Water</h1></body></html>"


def test_a_page_that_keeps_the_conventions_has_no_problems() -> None:
    assert page_problems(GOOD_PAGE) == []


def test_invalid_html_is_reported_with_the_first_error_html5lib_finds() -> None:
    page = GOOD_PAGE.replace("<h1>Water</h1>", "<p><h1>Water</h1></div>")
    assert page_problems(page) == ["not valid HTML: End tag (div) seen too early. Expected other end tag."]


def test_invalid_html_does_not_hide_the_other_problems() -> None:
    page = GOOD_PAGE.replace("<h1>Water</h1>", "<h1>Water</h1></div><h1>Food</h1>")
    problems = page_problems(page)
    assert problems[0].startswith("not valid HTML: ")
    assert "2 h1 elements, not exactly one" in problems


def test_a_checked_page_is_parsed_once_and_tests_read_that_parse(tmp_path: Path) -> None:
    client = checked_app(tmp_path / "instance").test_client(use_cookies=False)
    response = client.get("/")
    assert parsed(response) is parsed(response)
    assert parsed(response).find("h1") is not None

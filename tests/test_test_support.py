"""The test suite's own machinery: the page check fails bad pages, and shared compiled templates change no page."""

from __future__ import annotations

from pathlib import Path

from jinja2 import DictLoader, Environment

from tests.support.page_conventions import page_problems, parsed
from tests.support.template_code import SharedTemplateCode
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


def test_compiled_templates_are_reused_only_under_the_same_settings() -> None:
    cache = SharedTemplateCode()
    templates = DictLoader({"page.html": "{% if true %}\n  {{ word }}\n{% endif %}\n"})
    plain = Environment(loader=templates, bytecode_cache=cache, autoescape=True)
    trimmed = Environment(loader=templates, bytecode_cache=cache, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    assert plain.get_template("page.html").render(word="water") == "\n  water\n"
    assert trimmed.get_template("page.html").render(word="water") == "  water\n"
    again = Environment(loader=templates, bytecode_cache=cache, autoescape=True)
    assert again.get_template("page.html").render(word="food") == "\n  food\n"


def test_code_compiled_without_escaping_never_serves_an_escaping_environment() -> None:
    cache = SharedTemplateCode()
    templates = DictLoader({"page.html": "{{ word }}"})
    # The raw environment is the point of the test: its code must not leak into the escaping one.
    raw = Environment(loader=templates, bytecode_cache=cache, autoescape=False)  # noqa: S701
    escaping = Environment(loader=templates, bytecode_cache=cache, autoescape=True)
    assert raw.get_template("page.html").render(word="<b>") == "<b>"
    assert escaping.get_template("page.html").render(word="<b>") == "&lt;b&gt;"


def test_every_app_of_the_run_shares_the_compiled_templates(tmp_path: Path, shared_template_code: SharedTemplateCode) -> None:
    first, second = checked_app(tmp_path / "first"), checked_app(tmp_path / "second")
    assert first.jinja_env.bytecode_cache is shared_template_code
    assert second.jinja_env.bytecode_cache is shared_template_code

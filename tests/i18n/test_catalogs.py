"""The gettext catalogs: current with the code and questionnaires, complete, and safe to format."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

from prepcheck.i18n.catalog import load_translations
from prepcheck.i18n.extract import extract_questionnaire

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "prepcheck" / "translations"
TRANSLATED_LOCALES = ("nl", "pap", "fy")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def keys(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {(message.context, message.id) for message in catalog if message.id}  # type: ignore[misc]


def test_the_message_template_is_current_with_code_templates_and_questionnaires(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            str(ROOT / "pyproject.toml"),
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-k",
            "N_",
            "-o",
            str(fresh),
            str(ROOT),
        ]
    )
    missing = keys(read(fresh)) - keys(read(TRANSLATIONS / "messages.pot"))
    assert missing == set(), "run the extract and update commands in docs/translating.md"


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_every_catalog_holds_every_message_of_the_template(locale: str) -> None:
    template = keys(read(TRANSLATIONS / "messages.pot"))
    assert template - keys(read(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po")) == set()


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_no_message_is_untranslated_or_fuzzy(locale: str) -> None:
    catalog = read(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po")
    untranslated = [message.id for message in catalog if message.id and not message.string]
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    assert (untranslated, fuzzy) == ([], [])


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_translations_keep_every_placeholder(locale: str) -> None:
    catalog = read(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po")
    broken = [
        message.id
        for message in catalog
        if message.id and sorted(PLACEHOLDER.findall(str(message.id))) != sorted(PLACEHOLDER.findall(str(message.string)))
    ]
    assert broken == []


@pytest.mark.parametrize("locale", ("pap", "fy"))
def test_catalogs_awaiting_review_say_so_in_their_header(locale: str) -> None:
    text = (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    # Babel keeps header comments through extract/update runs (it drops custom X- header fields).
    assert "# This translation awaits review by a native speaker." in text.split("msgid", 1)[0]


def test_the_same_english_text_in_two_contexts_can_be_translated_differently(tmp_path: Path) -> None:
    questionnaire = (
        b"id: twice\npages:\n  - id: p\n    title: Page\n    questions:\n"
        b"      - {id: radio, type: single_choice, text: 'Which radio?',\n"
        b"         options: [{value: none, label: None}, {value: fm, label: FM}]}\n"
        b"      - {id: torch, type: single_choice, text: 'Which torch?',\n"
        b"         options: [{value: none, label: None}, {value: led, label: LED}]}\n"
    )
    extracted = [(context, text) for _, _, (context, text), _ in extract_questionnaire(BytesIO(questionnaire), {}, (), {})]
    assert ("twice/option/radio.none/label", "None") in extracted
    assert ("twice/option/torch.none/label", "None") in extracted

    catalog = Catalog(locale="nl")
    catalog.add("None", "Geen radio", context="twice/option/radio.none/label")
    catalog.add("None", "Geen zaklamp", context="twice/option/torch.none/label")
    folder = tmp_path / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.po").open("wb") as handle:
        write_po(handle, catalog)
    translations = load_translations("nl", tmp_path)
    assert translations.pgettext("twice/option/radio.none/label", "None") == "Geen radio"
    assert translations.pgettext("twice/option/torch.none/label", "None") == "Geen zaklamp"

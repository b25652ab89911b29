"""Looks up translations in the gettext catalogs, with the English source text as fallback."""

from __future__ import annotations

import gettext
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel import support
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from prepcheck.config import SUPPORTED_LOCALES

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"


class Translator:
    """gettext with message context for one locale; missing catalogs or entries give the English source."""

    def __init__(self, locale: str, translations: gettext.NullTranslations) -> None:
        self.locale = locale
        self._translations = translations

    @property
    def translations(self) -> gettext.NullTranslations:
        """The underlying catalog (shared with Flask-Babel)."""
        return self._translations

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        return self._translations.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._translations.ngettext(singular, plural, count)


def load_translations(locale: str, directory: Path = TRANSLATIONS_DIR) -> support.NullTranslations:
    """The compiled .mo catalog if it is current, else the .po compiled in memory; none: the source text."""
    folder = directory / locale / "LC_MESSAGES"
    po_file, mo_file = folder / "messages.po", folder / "messages.mo"
    if mo_file.is_file() and (not po_file.is_file() or mo_file.stat().st_mtime >= po_file.stat().st_mtime):
        with mo_file.open("rb") as handle:
            return support.Translations(handle)
    if po_file.is_file():
        # Compiling in memory means a source checkout or wheel needs no build step to serve translations.
        with po_file.open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        buffer = BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        return support.Translations(buffer)
    return support.NullTranslations()


@lru_cache(maxsize=len(SUPPORTED_LOCALES) + 1)
def translator_for(locale: str) -> Translator:
    """The translator for a supported locale; an unknown locale gets the English source text."""
    if locale not in SUPPORTED_LOCALES:
        return Translator("en", support.NullTranslations())
    return Translator(locale, load_translations(locale))

"""Looks up translations in the compiled gettext catalogs, with the English source as fallback."""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

from prepcheck.config import SUPPORTED_LOCALES

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"


class Translator:
    """gettext with message context for one locale; missing catalogs or entries give the English source."""

    def __init__(self, locale: str, translations: gettext.NullTranslations) -> None:
        self.locale = locale
        self._translations = translations

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        return self._translations.pgettext(context, message)


@lru_cache(maxsize=len(SUPPORTED_LOCALES) + 1)
def translator_for(locale: str) -> Translator:
    """The translator for a supported locale; an unknown locale gets the English source text."""
    if locale not in SUPPORTED_LOCALES:
        return Translator("en", gettext.NullTranslations())
    translations = gettext.translation("messages", localedir=TRANSLATIONS_DIR, languages=[locale], fallback=True)
    return Translator(locale, translations)

"""The engine's Wording in one language: the questionnaire's translated texts, Babel's number and date formats."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from prepcheck.i18n.formatting import format_amount, format_day


class QuestionnaireTexts(Protocol):
    """Translated questionnaire and interface texts in one locale (the presenter is one)."""

    locale: str

    def text(self, kind: str, item_id: str, field: str, source: str) -> str: ...

    def ui(self, message: str) -> str: ...


class CatalogWording:
    """Puts answers into words for the engine's answer types, so the engine itself needs no Babel."""

    def __init__(self, texts: QuestionnaireTexts) -> None:
        self.texts = texts

    def text(self, kind: str, item_id: str, field: str, source: str) -> str:
        return self.texts.text(kind, item_id, field, source)

    def ui(self, message: str) -> str:
        return self.texts.ui(message)

    def amount(self, value: float, unit: str) -> str:
        return format_amount(value, "", self.texts.locale, unit)

    def day(self, value: date) -> str:
        return format_day(value, self.texts.locale)

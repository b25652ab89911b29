"""Numbers, money, units and dates in the reader's language (Papiamentu uses the Dutch number conventions)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

# Babel's CLDR data for Papiamentu is thin, so it borrows the Dutch number conventions.
_NUMBER_LOCALE = {"pap": "nl", "fy": "fy", "nl": "nl", "en": "en"}
# English dates the British way, as GOV.UK writes them: 5 March 2024.
_DATE_LOCALE = {"en": "en_GB"}
CURRENCY_CODES = frozenset({"EUR", "USD", "AWG", "XCG", "ANG"})
NO_BREAK_SPACE = "\u00a0"
# The signs and codes money is written with here, before or after its figures ("€ 20", "Afl. 50", "20 USD").
_MONEY_SIGN = r"(?:€|\$|ƒ|\b(?:Afl|Cg|NAf)\.|\b(?:AWG|XCG|ANG|USD|EUR)\b)"
_SIGN_THEN_FIGURES = re.compile(rf"({_MONEY_SIGN}) (?=\d)")
_FIGURES_THEN_SIGN = re.compile(rf"(?<=\d) (?={_MONEY_SIGN})")


def number_locale(locale: str) -> str:
    """The Babel locale used for numbers in this interface locale."""
    return _NUMBER_LOCALE.get(locale, "en")


@lru_cache(maxsize=4096)
def format_number(value: float, locale: str) -> str:
    """A number without needless decimals: 36, 19,5."""
    # Cached: Babel takes about 35 µs per number, and a result page shows the same few dozen numbers every time.
    return format_decimal(value, format="#,##0.##", locale=number_locale(locale))


@lru_cache(maxsize=8192)
def keep_money_together(text: str) -> str:
    """The text with a no-break space between each currency sign and its figures, so no line ends in "€"."""
    # Cached: it runs on every questionnaire text a page or plan shows (some thousands per process and language),
    # at about 30 µs for a long one.
    return _FIGURES_THEN_SIGN.sub(NO_BREAK_SPACE, _SIGN_THEN_FIGURES.sub(rf"\1{NO_BREAK_SPACE}", text))


def format_amount(value: float, unit: str, locale: str, unit_label: str | None = None) -> str:
    """An amount with its unit: money through the currency format (sign and figures kept together), else 'number unit'."""
    if unit in CURRENCY_CODES:
        pattern = f"¤{NO_BREAK_SPACE}#,##0"
        return format_currency(value, unit, format=pattern, locale=number_locale(locale), currency_digits=False)
    label = unit_label if unit_label is not None else unit
    return f"{format_number(value, locale)} {label}".strip()


def format_day(value: date, locale: str) -> str:
    """A date written out: 5 March 2024, 5 maart 2024."""
    return format_date(value, format="long", locale=_DATE_LOCALE.get(locale, locale))

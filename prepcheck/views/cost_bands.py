"""A step's cost band in words and in the reader's own money: "Under € 20" in Utrecht, "Under $ 25" on Bonaire."""

from __future__ import annotations

from collections.abc import Iterable

from prepcheck.engine.model import CostBand
from prepcheck.i18n.catalog import Translator
from prepcheck.i18n.formatting import CURRENCY_CODES, format_amount


def N_(message: str) -> str:
    """Marks a string for extraction into the catalog; it is translated where it is shown."""
    return message


FREE = N_("Free")
UNDER = N_("Under %(amount)s")
BETWEEN = N_("%(low)s to %(high)s")
MORE_THAN = N_("More than %(amount)s")

HOUSEHOLD_EDGES: dict[str, tuple[int, int]] = {
    "EUR": (20, 100),
    # The same bands on the islands at about €1 = US$1.10 and US$1 = 1.79 florin or guilder, rounded to amounts
    # people use (the authors' choice, like the cash amounts in questionnaires/household.yaml).
    "USD": (25, 110),
    "AWG": (40, 200),
    "XCG": (40, 200),
    "ANG": (40, 200),
}
"""Where the household bands end (low below the first, medium up to the second), per currency."""
BUSINESS_EDGES: dict[str, tuple[int, int]] = {"EUR": (1_000, 10_000)}
"""The business bands; a business check has no money of its own, so they stay in euros."""


def money_of(units: Iterable[str]) -> str:
    """The currency of the first money amount among these units (the household's own money), or euros."""
    return next((unit for unit in units if unit in CURRENCY_CODES), "EUR")


def cost_label(band: CostBand, audience: str, currency: str, translator: Translator, locale: str) -> str:
    """The band in words, its edges in this currency (euros where the bands have none for it)."""
    if band is CostBand.FREE:
        return translator.gettext(FREE)
    edges = HOUSEHOLD_EDGES if audience == "household" else BUSINESS_EDGES
    if currency not in edges:
        currency = "EUR"
    low, high = (format_amount(edge, currency, locale) for edge in edges[currency])
    if band is CostBand.LOW:
        return translator.gettext(UNDER) % {"amount": low}
    if band is CostBand.MEDIUM:
        return translator.gettext(BETWEEN) % {"low": low, "high": high}
    return translator.gettext(MORE_THAN) % {"amount": high}

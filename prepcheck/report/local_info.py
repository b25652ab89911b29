"""Local facts the plan can fill in from the answers alone, where official sources give them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Emergency radio on the islands whose government names a frequency: Curaçao [C3], Sint Maarten [C6].
# On the mainland the station depends on the region, which the check does not ask; a municipality's
# own configuration fills it in there.
ISLAND_RADIO = {
    "curacao": "97.9 FM",
    "sint_maarten": "SXMGOV Radio, 107.9 FM",
}


def local_radio(answers: Mapping[str, Any]) -> str | None:
    """The emergency radio station for where the household lives, if a source names it."""
    place = answers.get("place")
    return ISLAND_RADIO.get(place) if isinstance(place, str) else None

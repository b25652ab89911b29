"""Local facts the plan can fill in from the answers alone, where official sources give them (island_radio.yaml)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

ISLAND_RADIO_FILE = Path(__file__).resolve().parent / "island_radio.yaml"


@dataclass(frozen=True, slots=True)
class IslandRadio:
    """The emergency radio station an island's government names, and the questionnaire source that says so."""

    place: str
    station: str
    source: str


@cache
def island_radio() -> Mapping[str, IslandRadio]:
    """The stations of island_radio.yaml by `place` answer, read once."""
    document = yaml.safe_load(ISLAND_RADIO_FILE.read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise ValueError(f"{ISLAND_RADIO_FILE.name}: expected a mapping of place to station")
    stations: dict[str, IslandRadio] = {}
    for place, entry in document.items():
        if not (
            isinstance(entry, dict) and set(entry) == {"station", "source"} and all(isinstance(v, str) for v in entry.values())
        ):
            raise ValueError(f"{ISLAND_RADIO_FILE.name}: {place!r} needs a station and a source, both text")
        stations[str(place)] = IslandRadio(str(place), entry["station"], entry["source"])
    return MappingProxyType(stations)


def local_radio(answers: Mapping[str, Any]) -> str | None:
    """The emergency radio station for where the household lives, if a source names it."""
    place = answers.get("place")
    radio = island_radio().get(place) if isinstance(place, str) else None
    return radio.station if radio is not None else None

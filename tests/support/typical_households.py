"""Six typical households and what the household check asks them: how long the check is for real people.

Only the answers that decide which questions are shown are given; the path depends on nothing else. Answers to
questions a questionnaire does not have are ignored, so an older version of the file can be measured too.
"""

from __future__ import annotations

from typing import Any

from prepcheck.engine import check_answers
from prepcheck.engine.model import Questionnaire

_NOBODY_SPECIAL: dict[str, Any] = {
    "babies": 0,
    "pets": 0,
    "needs_help": "no",
    "powered_equipment": "none",
    "daily_medicines": "no",
    "home_type": "house_upstairs",
}

TYPICAL_HOUSEHOLDS: dict[str, dict[str, Any]] = {
    "family of four, mainland": {**_NOBODY_SPECIAL, "place": "netherlands", "adults": 2, "children": 2},
    "older person living alone with a cat": {
        **_NOBODY_SPECIAL,
        "place": "netherlands",
        "adults": 1,
        "children": 0,
        "pets": 1,
        "large_dogs": 0,
        "daily_medicines": "yes",
        "fridge_medicines": "no",
        "home_type": "upper_flat",
    },
    "couple with a baby": {**_NOBODY_SPECIAL, "place": "netherlands", "adults": 2, "children": 0, "babies": 1},
    "person on home ventilation": {
        **_NOBODY_SPECIAL,
        "place": "netherlands",
        "adults": 1,
        "children": 0,
        "needs_help": "yes",
        "alert_needs": ["moving"],
        "powered_equipment": "breathing",
        "daily_medicines": "yes",
        "fridge_medicines": "no",
        "home_type": "ground_floor",
    },
    "family on Bonaire with a large dog": {
        **_NOBODY_SPECIAL,
        "place": "bonaire",
        "adults": 2,
        "children": 2,
        "pets": 1,
        "large_dogs": 1,
    },
    "family on Sint Maarten": {
        **_NOBODY_SPECIAL,
        "place": "sint_maarten",
        "adults": 2,
        "children": 1,
        "daily_medicines": "yes",
        "fridge_medicines": "yes",
    },
}
"""A name for each household, and the answers that decide its path."""


def questions_seen(questionnaire: Questionnaire, answers: dict[str, Any]) -> int:
    """How many questions these answers are shown (answers to questions the file does not have are left out)."""
    return len(check_answers(questionnaire, answers)[1].questions)

"""Colours and contrast: WCAG 2 ratios for known pairs, and the theme's pairs checked on the effective colours."""

from __future__ import annotations

import pytest

from prepcheck.tenants.checks import theme_problems
from prepcheck.tenants.colours import contrast_ratio, format_ratio, normalise_colour


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("#767676", "#ffffff", 4.54),
        ("#777777", "#ffffff", 4.48),
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#0000ff", "#ffffff", 8.59),
        ("#ff0000", "#ffffff", 4.0),
    ],
)
def test_contrast_ratio_matches_known_pairs(first: str, second: str, expected: float) -> None:
    assert contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)


def test_contrast_ratio_does_not_depend_on_the_order() -> None:
    assert contrast_ratio("#00703c", "#ffffff") == contrast_ratio("#ffffff", "#00703c")


def test_a_ratio_just_below_the_minimum_never_prints_as_the_minimum() -> None:
    assert format_ratio(4.4999) == "4.49:1"
    assert format_ratio(contrast_ratio("#767676", "#ffffff")) == "4.54:1"


def test_short_colours_are_expanded_and_lower_cased() -> None:
    assert normalise_colour("#ABC") == "#aabbcc"
    assert normalise_colour("#0B5E3A") == "#0b5e3a"


@pytest.mark.parametrize("text", ["red", "#12345", "#1234567", "rgb(0,0,0)", "#ggg", "", "#fff;", "var(--x)"])
def test_anything_but_rgb_or_rrggbb_is_not_a_colour(text: str) -> None:
    with pytest.raises(ValueError, match="not a colour"):
        normalise_colour(text)


def test_a_dark_theme_must_change_the_text_as_well_as_the_background() -> None:
    problems = list(theme_problems({"colours": {"background": "#111111"}}))
    messages = " ".join(message for _, message in problems)
    assert "text #1b1b1b on background #111111" in messages
    assert all(path == ["theme", "colours", "background"] for path, _ in problems)


def test_a_light_text_colour_also_fails_on_prepchecks_own_panels() -> None:
    problems = list(theme_problems({"colours": {"background": "#000000", "text": "#ffffff"}}))
    assert any("(prepcheck's own surface)" in message for _, message in problems)


def test_the_focus_indicator_may_rely_on_either_of_its_two_rings() -> None:
    # prepcheck's yellow ring is light on white, but its dark inner ring carries the contrast.
    assert list(theme_problems({"colours": {"focus": "#ffdd00", "focus_text": "#0b0c0c"}})) == []


def test_a_theme_that_only_sets_its_brand_is_checked_against_the_defaults() -> None:
    assert list(theme_problems({"colours": {"brand": "#0b5e3a"}})) == []
    failing = list(theme_problems({"colours": {"brand": "#9fd3ff"}}))
    assert failing and "brand_text #ffffff on brand #9fd3ff" in failing[0][1]

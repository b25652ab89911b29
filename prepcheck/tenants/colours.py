"""Colours as the theme writes them (#rgb, #rrggbb) and their WCAG 2 contrast ratio."""

from __future__ import annotations

import re

COLOUR_PATTERN = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
AA_TEXT = 4.5
"""WCAG 2 AA minimum contrast for normal text (1.4.3)."""
AA_NON_TEXT = 3.0
"""WCAG 2 AA minimum contrast for focus indicators and component boundaries (1.4.11)."""


def normalise_colour(text: str) -> str:
    """'#ABC' -> '#aabbcc'; raise ValueError for anything that is not #rgb or #rrggbb."""
    if not isinstance(text, str) or not COLOUR_PATTERN.match(text):
        raise ValueError(f'{text!r} is not a colour: write #rgb or #rrggbb, e.g. "#154273"')
    digits = text[1:].lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """The WCAG 2 relative luminance of a colour, 0 (black) to 1 (white)."""
    digits = normalise_colour(colour)[1:]
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two colours, 1.0 to 21.0 (order does not matter)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def format_ratio(ratio: float) -> str:
    """4.4999 -> '4.49:1': rounded down, so a failing ratio never prints as the minimum."""
    return f"{int(ratio * 100) / 100:.2f}:1"

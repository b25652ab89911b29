"""Theme tokens: their defaults (as in static/prepcheck.css), the contrast pairs to check, and the CSS block."""

from __future__ import annotations

import re
from types import MappingProxyType

from prepcheck.tenants.colours import AA_NON_TEXT, AA_TEXT, COLOUR_PATTERN
from prepcheck.tenants.model import Theme

COLOUR_TOKENS = MappingProxyType(
    {
        "text": "--colour-text",
        "background": "--colour-background",
        "brand": "--colour-brand",
        "brand_text": "--colour-brand-text",
        "link": "--colour-link",
        "link_visited": "--colour-link-visited",
        "focus": "--colour-focus",
        "focus_text": "--colour-focus-text",
        "button": "--colour-button",
        "button_hover": "--colour-button-hover",
        "button_text": "--colour-button-text",
    }
)
"""Theme key -> CSS custom property, for the colours a tenant may set."""

FIXED_COLOURS = MappingProxyType({"text_secondary": "#4a4a4a", "surface": "#f3f5f8", "error": "#b10e1e", "urgent": "#b10e1e"})
"""Colours a tenant cannot set but its colours must still contrast with (values as in prepcheck.css)."""

DEFAULT_COLOURS = MappingProxyType(
    {
        "text": "#1b1b1b",
        "background": "#ffffff",
        "brand": "#154273",
        "brand_text": "#ffffff",
        "link": "#154273",
        "link_visited": "#4c2c92",
        "focus": "#ffbf47",
        "focus_text": "#0b0c0c",
        "button": "#00703c",
        "button_hover": "#005a30",
        "button_text": "#ffffff",
    }
)
DEFAULT_FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
DEFAULT_RADIUS = "4px"

CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    ("text", "background", AA_TEXT),
    ("text", "surface", AA_TEXT),
    ("text_secondary", "background", AA_TEXT),
    ("error", "background", AA_TEXT),
    ("link", "background", AA_TEXT),
    ("link_visited", "background", AA_TEXT),
    ("brand_text", "brand", AA_TEXT),
    ("button_text", "button", AA_TEXT),
    ("button_text", "button_hover", AA_TEXT),
    ("button_text", "urgent", AA_TEXT),
    ("focus_text", "focus", AA_TEXT),
    ("button", "background", AA_NON_TEXT),
)
"""(foreground, background, minimum ratio) as the stylesheet combines them."""

FOCUS_RING = ("focus", "focus_text", "background", AA_NON_TEXT)
"""The focus indicator is two adjacent rings (focus and focus_text), so one of them must stand out from the background."""

# One family is a quoted name or a bare CSS identifier; nothing that could end a declaration or a <style>.
_FAMILY = r'(?:"[A-Za-z0-9 ._-]{1,60}"|\'[A-Za-z0-9 ._-]{1,60}\'|-?[A-Za-z][A-Za-z0-9-]{0,60})'
FONT_STACK_PATTERN = re.compile(rf"^{_FAMILY}(?:\s*,\s*{_FAMILY}){{0,9}}$")
RADIUS_PATTERN = re.compile(r"^(?:0|(?:[0-9]|[1-9][0-9])(?:\.[0-9]{1,2})?(?:px|rem|em))$")
SELECTOR_PATTERN = re.compile(r"^(?::root|[.#][A-Za-z][A-Za-z0-9_-]{0,62})$")


def default_theme() -> Theme:
    """The look of prepcheck without a tenant."""
    return Theme(colours=DEFAULT_COLOURS, font_stack=DEFAULT_FONT_STACK, radius=DEFAULT_RADIUS)


def css_variables(theme: Theme) -> dict[str, str]:
    """Custom property -> value for every token of the theme; raise ValueError for a value off the whitelist."""
    variables: dict[str, str] = {}
    for key, prop in COLOUR_TOKENS.items():
        value = theme.colours.get(key, DEFAULT_COLOURS[key])
        if not COLOUR_PATTERN.match(value):
            raise ValueError(f"theme colour {key} is not #rgb or #rrggbb")
        variables[prop] = value
    font_stack = theme.font_stack or DEFAULT_FONT_STACK
    if not FONT_STACK_PATTERN.match(font_stack):
        raise ValueError("theme font_stack is not a list of font family names")
    variables["--font-stack"] = font_stack
    radius = theme.radius or DEFAULT_RADIUS
    if not RADIUS_PATTERN.match(radius):
        raise ValueError("theme radius is not a length such as 4px or 0.25rem")
    variables["--radius"] = radius
    return variables


def theme_css(theme: Theme, selector: str = ":root") -> str:
    """A CSS rule that sets the theme's custom properties, safe to put in a <style> element or a .css response."""
    if not SELECTOR_PATTERN.match(selector):
        raise ValueError(f"{selector!r} is not :root or a simple class or id selector")
    lines = [f"  {prop}: {value};" for prop, value in css_variables(theme).items()]
    return f"{selector} {{\n" + "\n".join(lines) + "\n}\n"

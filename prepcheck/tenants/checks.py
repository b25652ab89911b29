"""The meaning layer of tenant validation: colours and contrast, origins, links, text hygiene, questionnaires."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from typing import Any
from urllib.parse import urlsplit

from prepcheck.tenants.colours import contrast_ratio, format_ratio, normalise_colour
from prepcheck.tenants.origins import check_host, normalise_origin
from prepcheck.tenants.theme import CONTRAST_PAIRS, DEFAULT_COLOURS, FIXED_COLOURS, FOCUS_RING, FONT_STACK_PATTERN, RADIUS_PATTERN

Problem = tuple[list[str | int], str]
"""A key path and what is wrong there."""

_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$")
# Bidirectional overrides and isolates can make a name read differently from what it is ("Trojan Source").
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def text_problems(node: Any, path: list[str | int] | None = None) -> Iterator[Problem]:
    """Every string with a control character (other than a newline) or a bidirectional override."""
    path = path or []
    if isinstance(node, dict):
        for key, value in node.items():
            yield from text_problems(value, [*path, key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from text_problems(value, [*path, index])
    elif isinstance(node, str):
        for char in node:
            if (unicodedata.category(char) == "Cc" and char != "\n") or char in _BIDI:
                yield path, f"contains the invisible character U+{ord(char):04X}; remove control and direction characters"
                return


def theme_problems(theme: Any) -> Iterator[Problem]:
    """Colours that are no colours, pairs below WCAG AA contrast, font stacks and radii off the whitelist."""
    if not isinstance(theme, dict):
        return
    colours = theme.get("colours")
    colours = colours if isinstance(colours, dict) else {}
    given: dict[str, str] = {}
    broken = False
    for key, value in colours.items():
        if key not in DEFAULT_COLOURS:
            continue
        if value is None:
            yield ["theme", "colours", key], 'no colour given: put it in quotes, e.g. "#154273" (an unquoted # starts a comment)'
            broken = True
            continue
        try:
            given[key] = normalise_colour(value)
        except ValueError as error:
            yield ["theme", "colours", key], str(error)
            broken = True
    if not broken:
        yield from _contrast_problems(given)
    font_stack = theme.get("font_stack")
    if isinstance(font_stack, str) and not FONT_STACK_PATTERN.match(font_stack):
        yield (
            ["theme", "font_stack"],
            (
                "not a font list: write family names separated by commas, quoting names with spaces "
                '(letters, digits, spaces, . _ - only), e.g. Arial, "Open Sans", sans-serif'
            ),
        )
    radius = theme.get("radius")
    if isinstance(radius, str) and not RADIUS_PATTERN.match(radius):
        yield ["theme", "radius"], f"{short(radius)} is not a radius: write 0 or a length below 100 in px, rem or em, e.g. 4px"


def _contrast_problems(given: dict[str, str]) -> Iterator[Problem]:
    """Each contrast pair the tenant's colours take part in, checked on the effective colours."""
    effective = {**FIXED_COLOURS, **DEFAULT_COLOURS, **given}
    for foreground, background, minimum in CONTRAST_PAIRS:
        if foreground not in given and background not in given:
            continue
        ratio = contrast_ratio(effective[foreground], effective[background])
        if ratio < minimum:
            key = foreground if foreground in given else background
            fixed = f" (prepcheck's own {background})" if background in FIXED_COLOURS else ""
            fixed = fixed or (f" (prepcheck's own {foreground})" if foreground in FIXED_COLOURS else "")
            yield (
                ["theme", "colours", key],
                (
                    f"contrast of {foreground} {effective[foreground]} on {background} {effective[background]}{fixed} "
                    f"is {format_ratio(ratio)}; WCAG AA needs at least {minimum:g}:1"
                ),
            )
    ring, ring_text, background, minimum = FOCUS_RING
    if given.keys() & {ring, ring_text, background}:
        ratios = [contrast_ratio(effective[colour], effective[background]) for colour in (ring, ring_text)]
        if max(ratios) < minimum:
            key = next(colour for colour in (ring, ring_text, background) if colour in given)
            yield (
                ["theme", "colours", key],
                (
                    f"the focus indicator does not stand out: focus {effective[ring]} ({format_ratio(ratios[0])}) and "
                    f"focus_text {effective[ring_text]} ({format_ratio(ratios[1])}) on background {effective[background]}; "
                    f"WCAG AA needs at least {minimum:g}:1 for one of them"
                ),
            )


def origin_problems(origins: Any) -> Iterator[Problem]:
    """Origins that are not https (or local http) scheme://host[:port], or that are listed twice."""
    if not isinstance(origins, list):
        return
    seen: dict[str, int] = {}
    for index, origin in enumerate(origins):
        if not isinstance(origin, str):
            continue
        try:
            normal = normalise_origin(origin)
        except ValueError as error:
            yield ["allowed_origins", index], str(error)
            continue
        if normal in seen:
            yield ["allowed_origins", index], f"{normal} is already listed (item {seen[normal] + 1})"
        seen.setdefault(normal, index)


def url_problem(value: str) -> str | None:
    """Why a link is not an absolute https:// URL without user name, spaces or odd host, or None if it is fine."""
    if any(char.isspace() for char in value):
        return f"{short(value)} contains spaces; write the address without them"
    parts = urlsplit(value)
    if parts.scheme.lower() != "https" or not parts.netloc:
        return f"{short(value)} is not an https:// address"
    if "@" in parts.netloc:
        return f"{short(value)} contains a user name or password"
    try:
        check_host(parts.hostname or "")
        _ = parts.port
    except ValueError as error:
        return f"{short(value)} has a bad host or port: {error}"
    return None


def link_problems(document: dict[str, Any]) -> Iterator[Problem]:
    """Contact page, risk links and the privacy contact (an e-mail address or an https:// page)."""
    local = document.get("local")
    local = local if isinstance(local, dict) else {}
    links: list[tuple[list[str | int], Any]] = [(["local", "contact_url"], local.get("contact_url"))]
    risks = local.get("risks")
    risks = risks if isinstance(risks, list) else []
    links += [(["local", "risks", i, "url"], risk.get("url")) for i, risk in enumerate(risks) if isinstance(risk, dict)]
    for path, value in links:
        problem = url_problem(value) if isinstance(value, str) else None
        if problem:
            yield path, problem
    contact = document.get("privacy_contact")
    if isinstance(contact, str) and not _EMAIL.match(contact):
        problem = url_problem(contact) if "://" in contact else f"{short(contact)} is not an e-mail address"
        if problem:
            yield ["privacy_contact"], f"{problem} (give an e-mail address or an https:// page)"


def questionnaire_problems(offered: Any, known: Collection[str] | None) -> Iterator[Problem]:
    """Offered questionnaire ids that the app does not have."""
    if known is None or not isinstance(offered, list):
        return
    for index, questionnaire_id in enumerate(offered):
        if isinstance(questionnaire_id, str) and questionnaire_id not in known:
            names = ", ".join(sorted(known)) or "none"
            yield ["questionnaires", index], f"unknown questionnaire {short(questionnaire_id)} (known: {names})"


def short(value: Any) -> str:
    """A value for a message, cut short so a hostile value cannot flood the output."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"

"""Whether text read from JSON can be written as UTF-8: a `\\ud800`-style escape can name half a character."""

from __future__ import annotations

import json
from typing import Any


def is_utf8_text(value: Any) -> bool:
    """Whether every string in a JSON value, keys included, is real text: no lone surrogate (U+D800 to U+DFFF).

    JSON parsers accept such escapes, but a page, a log line or a database that writes the text as UTF-8 fails on
    it; refuse it where it comes in instead.
    """
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True

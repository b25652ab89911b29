"""Response ids, resume codes and the keyed hashes under which they are stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets

RESPONSE_ID_BYTES = 24
"""192 bits of randomness; token_urlsafe gives 32 URL-safe characters."""

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RESUME_CODE_LENGTH = 13
"""13 Crockford base32 characters: 65 bits."""
_GROUPS = (4, 4, 5)
# Crockford's decoding forgives the letters people confuse with digits.
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_response_id() -> str:
    """A fresh random response id for the URL."""
    return secrets.token_urlsafe(RESPONSE_ID_BYTES)


def keyed_hash(pepper: bytes, purpose: str, value: str) -> str:
    """A hex HMAC-SHA256 of `value` for one purpose; what the database keeps instead of the value."""
    return hmac.new(pepper, f"{purpose}\x00{value}".encode(), hashlib.sha256).hexdigest()


def resume_code_for(pepper: bytes, response_id: str) -> str:
    """The resume code of a response, derived from its id, so every page can show it without storing it."""
    digest = hmac.new(pepper, f"resume-code\x00{response_id}".encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest[:9], "big") >> (72 - 5 * RESUME_CODE_LENGTH)
    chars = []
    for _ in range(RESUME_CODE_LENGTH):
        chars.append(CROCKFORD[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def format_resume_code(code: str) -> str:
    """The code in groups for reading aloud: 'K7QM-XD29-TB3HW'."""
    parts, start = [], 0
    for size in _GROUPS:
        parts.append(code[start : start + size])
        start += size
    return "-".join(parts)


def normalise_resume_code(entered: str) -> str | None:
    """The code as typed, with case, spaces, dashes and look-alike letters forgiven; None if it cannot be one."""
    cleaned = "".join(ch for ch in entered.upper() if ch.isalnum()).translate(_CONFUSABLE)
    if len(cleaned) != RESUME_CODE_LENGTH or any(ch not in CROCKFORD for ch in cleaned):
        return None
    return cleaned

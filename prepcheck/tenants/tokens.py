"""The per-tenant admin token: generated once, stored only as its SHA-256, checked in constant time."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

MIN_TOKEN_LENGTH = 32
"""Tokens are random and long, so a plain SHA-256 is enough: there is nothing to guess or brute-force."""
MAX_TOKEN_LENGTH = 512
_DUMMY_HASH = "0" * 64
_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")


def hash_admin_token(token: str) -> str:
    """The 64-hex SHA-256 of a token, for `admin_token_sha256:`; refuse tokens too short to be random."""
    if len(token) < MIN_TOKEN_LENGTH or len(token) > MAX_TOKEN_LENGTH:
        raise ValueError(f"an admin token must be {MIN_TOKEN_LENGTH} to {MAX_TOKEN_LENGTH} characters; use new_admin_token()")
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_admin_token() -> tuple[str, str]:
    """A fresh random token (43 URL-safe characters, 256 bits) and the hash to put in tenant.yaml."""
    token = secrets.token_urlsafe(32)
    return token, hash_admin_token(token)


def check_admin_token(stored_sha256: str | None, presented: str | None) -> bool:
    """Whether a presented token matches the stored hash; constant time, and False when no hash is configured."""
    if stored_sha256 is not None and not _HEX64.match(stored_sha256):
        stored_sha256 = None
    candidate = presented if isinstance(presented, str) and len(presented) <= MAX_TOKEN_LENGTH else ""
    digest = hashlib.sha256(candidate.encode("utf-8", errors="replace")).hexdigest()
    # Compare even when nothing is configured, so timing does not tell the two cases apart.
    matches = hmac.compare_digest(digest, (stored_sha256 or _DUMMY_HASH).lower())
    return matches and stored_sha256 is not None and bool(candidate)

"""Re-check codes made by hand, in format 1 (see prepcheck.engine.recheck_code): what an older version or a forger sends."""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any


def pack(document: list[Any]) -> str:
    """[questionnaire id, version, answers, snapshot] as a code; the JSON is ASCII, so text travels as escapes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = bytes([1]) + compressor.compress(json.dumps(document).encode()) + compressor.flush()
    return base64.urlsafe_b64encode(body + zlib.crc32(body).to_bytes(4, "big")).rstrip(b"=").decode()

"""QR codes for the plan: a PNG data: URL (the renderer loads nothing else), sharp when printed."""

from __future__ import annotations

import segno

QR_SCALE = 4
"""Pixels per module in the PNG; the stylesheet sets the printed size and turns off smoothing."""
QR_BORDER = 4
"""The quiet zone, in modules, that scanners need around the code."""


def qr_png_data_url(text: str) -> str:
    """A QR code of `text` as a data:image/png URL: error level L, raised where that costs no extra size."""
    return str(segno.make(text, error="l", boost_error=True, micro=False).png_data_uri(scale=QR_SCALE, border=QR_BORDER))

"""What a reader (or a phone) finds in a plan PDF: its text, its link targets, and whether a picture is a given QR code."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import segno
from pypdf import PdfReader

from prepcheck.report.qr import QR_BORDER, QR_SCALE


def pdf_text(pdf: bytes) -> str:
    """All text of the PDF, pages joined, whitespace folded (so sentences broken over lines still match)."""
    reader = PdfReader(BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


def link_targets(pdf: bytes) -> list[str]:
    """The address of every link a reader can click in the PDF."""
    targets = []
    for page in PdfReader(BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def link_annotations(pdf: bytes) -> list[tuple[str, str]]:
    """Each link a reader can click: its address, and its description (/Contents) that a screen reader says."""
    links = []
    for page in PdfReader(BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action is not None and "/URI" in action:
                links.append((str(action["/URI"]), str(annotation.get("/Contents", ""))))
    return links


def qr_images(pdf: bytes) -> list[Any]:
    return [image.image for page in PdfReader(BytesIO(pdf)).pages for image in page.images]


def shows_qr_of(image: Any, text: str) -> bool:
    """True when the picture is module for module the QR code segno makes of `text`."""
    rows = [
        list(row) for row in segno.make(text, error="l", boost_error=True, micro=False).matrix_iter(scale=1, border=QR_BORDER)
    ]
    if image.size != (len(rows[0]) * QR_SCALE, len(rows) * QR_SCALE):
        return False
    grey = image.convert("L")
    return all(
        (grey.getpixel((x * QR_SCALE + QR_SCALE // 2, y * QR_SCALE + QR_SCALE // 2)) < 128) == bool(dark)
        for y, row in enumerate(rows)
        for x, dark in enumerate(row)
    )

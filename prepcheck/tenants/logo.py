"""Logo checks: a PNG, JPEG or plain SVG inside the tenant folder, small, with no scripts or external references."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

MAX_LOGO_BYTES = 200 * 1024
MAX_LOGO_PIXELS = 4000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_KIND_BY_SUFFIX = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}
# Shapes, text, paint servers and grouping: everything a logo needs, nothing that runs, embeds or animates.
SVG_ELEMENTS = frozenset(
    "svg g defs title desc path rect circle ellipse line polyline polygon text tspan textPath "
    "linearGradient radialGradient stop clipPath mask pattern symbol use style".split()
)
_EXTERNAL_URL = re.compile(r"url\(\s*+['\"]?\s*+(?!#)", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"(?:java|vb)script\s*:|data\s*:\s*text/html", re.IGNORECASE)


class LogoProblem(ValueError):
    """A logo that cannot be used, with the reason."""


def detect_kind(data: bytes) -> str | None:
    """'png', 'jpeg' or 'svg' from the file's first bytes, or None."""
    if data.startswith(PNG_MAGIC):
        return "png"
    if data.startswith(JPEG_MAGIC):
        return "jpeg"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE svg")):
        return "svg"
    return None


def resolve_logo(folder: Path, relative: str) -> Path:
    """The logo's path, which must stay inside the tenant folder (also through symbolic links)."""
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts or "\\" in relative:
        raise LogoProblem(f"{relative!r} must be a file name inside the tenant folder, such as logo.svg")
    root = folder.resolve()
    path = (root / candidate).resolve()
    if not path.is_relative_to(root):
        raise LogoProblem(f"{relative!r} leads outside the tenant folder")
    if not path.is_file():
        raise LogoProblem(f"{relative!r} does not exist in the tenant folder")
    return path


def check_logo(folder: Path, relative: str) -> Path:
    """The checked logo's path; raise LogoProblem if it escapes the folder, is too large or is no safe image."""
    path = resolve_logo(folder, relative)
    size = path.stat().st_size
    if size > MAX_LOGO_BYTES:
        raise LogoProblem(f"{relative!r} is {size // 1024} KB; a logo may be at most {MAX_LOGO_BYTES // 1024} KB")
    data = path.read_bytes()
    expected = _KIND_BY_SUFFIX.get(path.suffix.lower())
    if expected is None:
        raise LogoProblem(f"{relative!r} must be a .svg, .png, .jpg or .jpeg file")
    kind = detect_kind(data)
    if kind != expected:
        found = f"its content is {kind.upper()}" if kind else "its content is not a PNG, JPEG or SVG image"
        raise LogoProblem(f"{relative!r} is not a {expected.upper()} image: {found}")
    if kind == "svg":
        check_svg(data)
    else:
        _check_bitmap(data, kind)
    return path


def _check_bitmap(data: bytes, kind: str) -> None:
    """Decode the header with Pillow: a broken or huge bitmap is refused."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise LogoProblem(f"the {kind.upper()} file is damaged or not really a {kind.upper()}") from None
    if width > MAX_LOGO_PIXELS or height > MAX_LOGO_PIXELS:
        raise LogoProblem(f"the image is {width}x{height} pixels; at most {MAX_LOGO_PIXELS} each way")


def check_svg(data: bytes) -> None:
    """Refuse SVG with a DOCTYPE or entities, scripts, event handlers, foreign content or external references."""
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise LogoProblem("the SVG has a DOCTYPE or entities; export it as plain SVG")
    try:
        root = ET.fromstring(data)  # noqa: S314 - DOCTYPE and entities are refused above
    except ET.ParseError as error:
        raise LogoProblem(f"the SVG is not well-formed XML ({error})") from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise LogoProblem("the file's root element is not <svg> in the SVG namespace")
    for element in root.iter():
        _check_element(element)


def _check_element(element: ET.Element) -> None:
    """One SVG element: allowed name, no handlers, only #fragment references, harmless styles."""
    namespace, _, name = element.tag.rpartition("}")
    if namespace.lstrip("{") != SVG_NS:
        raise LogoProblem(f"the SVG contains <{name}> from another namespace; export it as plain SVG")
    if name == "script":
        raise LogoProblem("the SVG contains a <script>; a logo may not run scripts")
    if name not in SVG_ELEMENTS:
        raise LogoProblem(f"the SVG contains <{name}>, which a logo may not use")
    for attribute, value in element.attrib.items():
        local = attribute.rpartition("}")[2]
        if local.lower().startswith("on"):
            raise LogoProblem(f"the SVG has an event handler ({local}=) on <{name}>; a logo may not run scripts")
        if local == "href" and not value.strip().startswith("#"):
            raise LogoProblem(f"<{name}> refers to {value[:60]!r}; a logo may only refer to its own parts (#id)")
        _check_text(value, name)
    if name == "style":
        _check_text(element.text or "", name)
        if "@import" in (element.text or "").lower():
            raise LogoProblem("the SVG's <style> imports another file; a logo may not load anything")


def _check_text(value: str, name: str) -> None:
    """Attribute values and style text: no script URLs, no url() outside the file."""
    if _SCRIPT_URL.search(value):
        raise LogoProblem(f"<{name}> contains a script URL; a logo may not run scripts")
    if _EXTERNAL_URL.search(value):
        raise LogoProblem(f"<{name}> loads url(...) from outside the file; a logo may only refer to its own parts")

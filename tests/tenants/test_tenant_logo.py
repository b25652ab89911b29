"""Logos: PNG, JPEG or plain SVG inside the tenant folder, small, without scripts or external references."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from prepcheck.tenants.logo import MAX_LOGO_BYTES, LogoProblem, check_logo, check_svg, detect_kind

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'


def write(folder: Path, name: str, data: bytes) -> str:
    (folder / name).write_bytes(data)
    return name


def png_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b5e3a").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_real_png_jpeg_and_svg_are_accepted(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "JPEG")
    svg = SVG.format("<rect width='1' height='1'/>").encode()
    for name, data in [("a.png", png_bytes()), ("b.jpg", buffer.getvalue()), ("c.svg", svg)]:
        assert check_logo(tmp_path, write(tmp_path, name, data)) == (tmp_path / name).resolve()


def test_the_kind_is_read_from_the_first_bytes() -> None:
    assert detect_kind(png_bytes()) == "png"
    assert detect_kind(b"\xff\xd8\xff\xe0rest") == "jpeg"
    assert detect_kind(b'\xef\xbb\xbf<?xml version="1.0"?><svg/>') == "svg"
    assert detect_kind(b"GIF89a") is None


def test_a_png_header_followed_by_rubbish_is_refused(tmp_path: Path) -> None:
    name = write(tmp_path, "logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(LogoProblem, match="damaged or not really a PNG"):
        check_logo(tmp_path, name)


def test_a_file_whose_content_does_not_match_its_name_is_refused(tmp_path: Path) -> None:
    name = write(tmp_path, "logo.svg", png_bytes())
    with pytest.raises(LogoProblem, match="is not a SVG image: its content is PNG"):
        check_logo(tmp_path, name)


def test_an_unsupported_file_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LogoProblem, match=r"must be a \.svg, \.png"):
        check_logo(tmp_path, write(tmp_path, "logo.gif", b"GIF89a"))


def test_an_oversize_file_is_refused(tmp_path: Path) -> None:
    name = write(tmp_path, "logo.svg", SVG.format("<!--" + "x" * MAX_LOGO_BYTES + "-->").encode())
    with pytest.raises(LogoProblem, match="a logo may be at most 200 KB"):
        check_logo(tmp_path, name)


def test_a_bitmap_with_huge_dimensions_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LogoProblem, match="pixels"):
        check_logo(tmp_path, write(tmp_path, "logo.png", png_bytes((5000, 1))))


def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.svg"
    outside.write_text(SVG.format(""))
    folder = tmp_path / "tenant"
    folder.mkdir()
    os.symlink(outside, folder / "logo.svg")
    with pytest.raises(LogoProblem, match="leads outside the tenant folder"):
        check_logo(folder, "logo.svg")


@pytest.mark.parametrize("name", ["/etc/passwd", "../logo.svg", "img/../../logo.svg", "..\\logo.svg"])
def test_a_path_that_could_leave_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(LogoProblem, match="inside the tenant folder"):
        check_logo(tmp_path, name)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<rect width="1" height="1" onclick="alert(1)"/>', "event handler (onclick=)"),
        ('<rect width="1" height="1" ONLOAD="alert(1)"/>', "event handler"),
        ('<use href="https://tracker.example/a.svg#x"/>', "may only refer to its own parts"),
        ('<use xlink:href="data:image/svg+xml;base64,AAAA"/>', "may only refer to its own parts"),
        ('<image href="logo.png"/>', "<image>"),
        ("<foreignObject><p>hi</p></foreignObject>", "<foreignObject>"),
        ('<a href="#x"><rect width="1" height="1"/></a>', "<a>"),
        ('<set attributeName="fill" to="red"/>', "<set>"),
        ('<rect width="1" height="1" style="fill: url(https://tracker.example/p)"/>', "url(...) from outside"),
        ("<style>@import 'https://x.example/a.css';</style>", "imports another file"),
        ("<style>rect { fill: url('https://x.example/p') }</style>", "url(...) from outside"),
        ('<rect width="1" height="1" fill="javascript:alert(1)"/>', "script URL"),
        ('<html:script xmlns:html="http://www.w3.org/1999/xhtml">x</html:script>', "another namespace"),
    ],
)
def test_an_svg_that_runs_embeds_or_loads_anything_is_refused(content: str, reason: str) -> None:
    with pytest.raises(LogoProblem) as raised:
        check_svg(SVG.format(content).encode())
    assert reason in str(raised.value)


def test_an_svg_with_internal_references_and_gradients_is_accepted() -> None:
    check_svg(
        SVG.format(
            '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
            '<rect id="r" width="1" height="1" fill="url(#g)" style="fill: url( #g )"/><use xlink:href="#r"/>'
        ).encode()
    )


def test_an_svg_with_entities_is_refused_before_parsing() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    with pytest.raises(LogoProblem, match="DOCTYPE or entities"):
        check_svg(bomb)


def test_a_broken_svg_is_refused() -> None:
    with pytest.raises(LogoProblem, match="not well-formed"):
        check_svg(b'<svg xmlns="http://www.w3.org/2000/svg"><rect>')


def test_an_svg_outside_the_svg_namespace_is_refused() -> None:
    with pytest.raises(LogoProblem, match="root element"):
        check_svg(b"<svg><rect/></svg>")

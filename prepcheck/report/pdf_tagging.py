"""Completes WeasyPrint's PDF/UA tagging before the file is written: what WeasyPrint 70 leaves out or gets wrong.

It runs as WeasyPrint's `finisher`, on the PDF's objects before they are serialised, so it costs a pass over the
structure tree and over each page's last drawing operators, not a second parse of the file:

- The page margins (running header, "Page 2 / 4") are tagged content outside the structure tree, which a screen
  reader following the content still reads mid-text; they become /Artifact /Pagination, /Header or /Footer.
- Table header cells get /Scope (/Row or /Column, as the HTML's scope said), and the /ID that WeasyPrint points
  the data cells' /Headers at is listed in an /IDTree.
- A link annotation's /Contents says what the link is for (the <a>'s title), not its address: the re-check link's
  address holds the answers and runs to a thousand characters.

Should a WeasyPrint release change what this expects, the plan is still made, as WeasyPrint tagged it, and a
warning is logged; tests/report/test_pdf_accessibility.py then fails.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pydyf

logger = logging.getLogger(__name__)

HEADER = pydyf.Dictionary({"Type": "/Pagination", "Subtype": "/Header"})
FOOTER = pydyf.Dictionary({"Type": "/Pagination", "Subtype": "/Footer"})


def link_descriptions(root: Any) -> dict[str, str]:
    """Each link target in the HTML (an etree) with its <a>'s title: what a screen reader says the link is for."""
    return {link.get("href"): title for link in root.iter("a") if link.get("href") and (title := link.get("title"))}


def tagging_finisher(descriptions: Mapping[str, str]) -> Callable[[Any, Any], None]:
    """A `finisher` for WeasyPrint's write_pdf that completes the tagging (see the module's docstring)."""

    def finish(document: Any, pdf: Any) -> None:
        if "StructTreeRoot" not in pdf.catalog:
            return
        try:
            finish_tagging(pdf, [page.height for page in document.pages], descriptions)
        except Exception as error:  # each step leaves a valid file, so a plan is better than no plan
            logger.warning("plan tagging left as WeasyPrint made it", extra={"fields": {"error": type(error).__name__}})

    return finish


def finish_tagging(pdf: Any, page_heights: list[float], descriptions: Mapping[str, str]) -> None:
    """Pagination artifacts, header scopes and the ID tree, and short link descriptions, on a pydyf PDF.

    `page_heights` are the pages' heights in CSS pixels, the unit of WeasyPrint's page content streams.
    """
    objects = pdf.objects
    root = _resolve(objects, pdf.catalog["StructTreeRoot"])
    in_tree, ids = _walk_tree(objects, root["K"])
    if ids:
        names = pydyf.Array()
        for element_id, reference in sorted(ids.items()):
            names.extend((pydyf.String(element_id), reference))
        root["IDTree"] = pydyf.Dictionary({"Names": names})
    parent_tree = _resolve(objects, root["ParentTree"])["Nums"]
    for page_reference, height in zip(pdf.page_references, page_heights, strict=True):
        page = _resolve(objects, page_reference)
        mcids = _page_mcids(parent_tree, page.get("StructParents"))
        if mcids is not None:
            _mark_pagination(objects, page, height, mcids, in_tree)
        for annotation_reference in page.get("Annots", ()):
            _describe_link(_resolve(objects, annotation_reference), descriptions)


def _resolve(objects: list[Any], reference: Any) -> Any:
    """The object a pydyf reference (b'12 0 R') names; anything else is already the object."""
    return objects[int(reference.split()[0])] if isinstance(reference, bytes) else reference


def _walk_tree(objects: list[Any], kids: Any) -> tuple[set[int], dict[str, bytes]]:
    """The numbers of the elements in the tree, and its elements' IDs; table header cells get their /Scope."""
    in_tree: set[int] = set()
    ids: dict[str, bytes] = {}
    stack = list(kids)
    while stack:
        reference = stack.pop()
        if not isinstance(reference, bytes):
            continue  # an MCID
        element = _resolve(objects, reference)
        in_tree.add(element.number)
        if "ID" in element:
            ids[element["ID"].string] = reference
        if element.get("S") == "/TR":
            _scope_headers([_resolve(objects, kid) for kid in element["K"] if isinstance(kid, bytes)])
        stack.extend(element.get("K", ()))
    return in_tree, ids


def _scope_headers(cells: list[Any]) -> None:
    """A header cell that a data cell of its own row lists in /Headers heads the row; any other, its column."""
    data_cells = [cell for cell in cells if cell.get("S") == "/TD"]
    row_headers = {header.string for cell in data_cells for header in cell.get("A", {}).get("Headers", ())}
    for cell in cells:
        if cell.get("S") != "/TH":
            continue
        attributes = cell.setdefault("A", pydyf.Dictionary({"O": "/Table"}))
        if "Scope" not in attributes:
            attributes["Scope"] = "/Row" if "ID" in cell and cell["ID"].string in row_headers else "/Column"


def _page_mcids(parent_tree: Any, key: Any) -> Any:
    """The page's array of the structure elements of its MCIDs, in order (None when it has none)."""
    if key is None:
        return None
    pairs = iter(parent_tree)
    return next((value for number, value in zip(pairs, pairs, strict=False) if number == key), None)


def _mark_pagination(objects: list[Any], page: Any, height: float, mcids: Any, in_tree: set[int]) -> None:
    """The page's tagged content whose element is outside the tree (its margin boxes) becomes a pagination artifact:
    a header in the top half of the page, a footer in the bottom half."""
    outside = {mcid for mcid, reference in enumerate(mcids) if _resolve(objects, reference).number not in in_tree}
    if not outside:
        return
    stream = _resolve(objects, page["Contents"]).stream
    for index, mcid in _marked_content_starts(stream, outside):
        stream[index - 1] = "/Artifact"
        stream[index] = HEADER if _text_top(stream, index) < height / 2 else FOOTER
        mcids[mcid] = b"null"  # the MCID no longer marks anything
    while mcids and mcids[-1] == b"null":
        mcids.pop()


def _marked_content_starts(stream: list[Any], mcids: set[int]) -> Iterator[tuple[int, int]]:
    """Where each MCID's property list stands in the stream; the margins are drawn last, so it looks from the end."""
    left = set(mcids)
    for index in range(len(stream) - 2, 0, -1):
        item = stream[index]
        if isinstance(item, pydyf.Dictionary) and item.get("MCID") in left and stream[index + 1] == b"BDC":
            left.discard(item["MCID"])
            yield index, item["MCID"]
            if not left:
                return


def _text_top(stream: list[Any], start: int) -> float:
    """How far from the page's top the text after `start` stands: its text matrix's y (WeasyPrint draws top down)."""
    for item in stream[start : start + 8]:
        if isinstance(item, bytes) and item.endswith(b" Tm"):
            return float(item.split()[5])
    return 0.0


def _describe_link(annotation: Any, descriptions: Mapping[str, str]) -> None:
    action = annotation.get("A")
    if annotation.get("Subtype") == "/Link" and action is not None and "URI" in action:
        description = descriptions.get(action["URI"].string)
        if description:
            annotation["Contents"] = pydyf.String(description)

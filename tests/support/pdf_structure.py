"""A PDF/UA-1 structure check of our own: what a screen reader relies on in a tagged PDF, read with pypdf.

No veraPDF can be installed from the registries this project uses, so this walks the structure tree and the
content streams itself and checks the points of ISO 14289-1 (the Matterhorn Protocol's checkpoints in brackets)
that the plan PDFs are known to need. docs/web.md ("The PDF for screen readers") says what it leaves out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from itertools import pairwise
from typing import Any

from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

PAGE_MARGIN_PT = 16 * 72 / 25.4
"""The plan's page margin (report.css, @page): text printed there is page furniture, so an artifact."""
MAX_LINK_DESCRIPTION = 200
"""A link's /Contents says what the link is for in a few words; a long one is the address read out."""
TEXT_OPERATORS = frozenset({b"Tj", b"TJ", b"'", b'"'})
PAINT_OPERATORS = frozenset({b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"sh", b"Do", b"BI"})
HEADER_SCOPES = frozenset({"/Row", "/Column", "/Both"})
CAPTION_PARENTS = frozenset({"/Figure", "/Table"})
# The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4): any other type needs a RoleMap entry [02-004].
STANDARD_TYPES = frozenset(
    "/Document /Part /Art /Sect /Div /BlockQuote /Caption /TOC /TOCI /Index /NonStruct /Private /H /H1 /H2 /H3 /H4 "
    "/H5 /H6 /P /L /LI /Lbl /LBody /Table /TR /TH /TD /THead /TBody /TFoot /Span /Quote /Note /Reference /BibEntry "
    "/Code /Link /Annot /Ruby /RB /RT /RP /Warichu /WT /WP /Figure /Formula /Form".split()
)
_HEADING = re.compile(r"/H([1-6])")
_PDFUA = "http://www.aiim.org/pdfua/ns/id/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


@dataclass(frozen=True)
class PageText:
    """One page's words as a screen reader meets them: content it reads out, and artifacts it skips."""

    content: str
    artifacts: str


@dataclass
class StructureReport:
    """What the check found: every rule broken, in words (none for a clean file), each page's text, and more."""

    problems: list[str] = field(default_factory=list)
    pages: list[PageText] = field(default_factory=list)
    header_scopes: list[str] = field(default_factory=list)
    """The /Scope of each table header cell (TH), in reading order ("" for none)."""


@dataclass
class _Tree:
    """What the walk of the structure tree collects."""

    marked: set[tuple[int, int]] = field(default_factory=set)
    """(page object number, MCID) of every marked-content sequence a structure element holds."""
    link_annotations: set[int] = field(default_factory=set)
    ids: dict[str, int] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)
    heading_levels: list[int] = field(default_factory=list)
    header_scopes: list[str] = field(default_factory=list)


def check_structure(pdf: bytes, language: str) -> StructureReport:
    """Every PDF/UA rule below that the file breaks, and what each page reads out."""
    reader = PdfReader(BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    report = StructureReport()
    report.problems += _document_problems(reader, catalog, language)
    root = catalog.get("/StructTreeRoot")
    if root is None:
        report.problems.append("The file has no structure tree: it is not tagged.")
        return report
    root = root.get_object()
    tree = _Tree()
    report.problems += _tree_problems(root, tree)
    report.header_scopes = tree.header_scopes
    for number, page in enumerate(reader.pages, start=1):
        problems, text = _page_content(page, number, tree)
        report.problems += problems
        report.pages.append(text)
        report.problems += _annotation_problems(page, number, tree)
    report.problems += _long_links_repeated(reader)
    return report


def _document_problems(reader: PdfReader, catalog: DictionaryObject, language: str) -> Iterator[str]:
    mark_info = catalog.get("/MarkInfo")
    if mark_info is None or not mark_info.get_object().get("/Marked", False):
        yield "The catalog's /MarkInfo does not say /Marked true (ISO 14289-1, 7.1)."
    lang = str(catalog.get("/Lang", ""))
    if lang != language:
        yield f"The document language (/Lang) is {lang!r}, not {language!r} [11-001]."
    preferences = catalog.get("/ViewerPreferences")
    if preferences is None or not preferences.get_object().get("/DisplayDocTitle", False):
        yield "A viewer shows the file name, not the title: /DisplayDocTitle is not true [07-001, 07-002]."
    xmp = reader.xmp_metadata
    if xmp is None:
        yield "The file has no XMP metadata [06-001]."
        return
    descriptions = xmp.rdf_root.getElementsByTagNameNS(_RDF, "Description")
    parts = [description.getAttributeNS(_PDFUA, "part") for description in descriptions]
    parts += [node.firstChild.data for node in xmp.rdf_root.getElementsByTagNameNS(_PDFUA, "part") if node.firstChild]
    if "1" not in parts:
        yield "The XMP metadata does not declare PDF/UA-1 (pdfuaid:part 1) [06-002]."
    if not any(title.strip() for title in (xmp.dc_title or {}).values()):
        yield "The XMP metadata has no dc:title [06-003]."


def _kids(element: DictionaryObject) -> list[Any]:
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids.get_object()
    return list(kids) if isinstance(kids, ArrayObject) else [kids]


def _attribute(element: DictionaryObject, key: str) -> Any:
    """An attribute from the element's /A (a dictionary, or an array of them and revision numbers)."""
    attributes = element.get("/A")
    if attributes is None:
        return None
    attributes = attributes.get_object()
    for candidate in attributes if isinstance(attributes, ArrayObject) else [attributes]:
        candidate = candidate.get_object()
        if isinstance(candidate, DictionaryObject) and key in candidate:
            return candidate[key]
    return None


def _tree_problems(root: DictionaryObject, tree: _Tree) -> list[str]:
    problems: list[str] = []
    role_map = root.get("/RoleMap")
    mapped = set(role_map.get_object()) if role_map is not None else set()
    # (element, its parent's type, the page it inherits); an explicit stack, as a plan's tree runs deep.
    stack: list[tuple[Any, str, int | None]] = [(kid, "/StructTreeRoot", None) for kid in reversed(_kids(root))]
    while stack:
        kid, parent_type, page = stack.pop()
        if isinstance(kid, int):
            if page is not None:
                tree.marked.add((page, kid))
            continue
        reference = kid if isinstance(kid, IndirectObject) else None
        element = kid.get_object()
        if element.get("/Type") == "/OBJR":
            if parent_type == "/Link":
                tree.link_annotations.add(element.raw_get("/Obj").idnum)
            continue
        if element.get("/Type") == "/MCR":
            tree.marked.add((element.raw_get("/Pg").idnum if "/Pg" in element else page or 0, int(element["/MCID"])))
            continue
        kind = str(element.get("/S"))
        page = element.raw_get("/Pg").idnum if "/Pg" in element else page
        problems += _element_problems(element, kind, parent_type, mapped)
        if element_id := element.get("/ID"):
            tree.ids[str(element_id)] = reference.idnum if reference else -1
        tree.headers += [str(header) for header in _attribute(element, "/Headers") or []]
        if kind == "/TH":
            tree.header_scopes.append(str(_attribute(element, "/Scope") or ""))
        if heading := _HEADING.fullmatch(kind):
            tree.heading_levels.append(int(heading.group(1)))
        stack += [(child, kind, page) for child in reversed(_kids(element))]
    problems += _id_problems(root, tree)
    problems += _heading_problems(tree.heading_levels)
    return problems


def _element_problems(element: DictionaryObject, kind: str, parent_type: str, mapped: set[str]) -> Iterator[str]:
    if kind not in STANDARD_TYPES and kind not in mapped:
        yield f"The structure type {kind} is neither standard nor role-mapped [02-001]."
    if kind == "/TH" and str(_attribute(element, "/Scope")) not in HEADER_SCOPES:
        yield "A table header cell (TH) has no /Scope, so a reader cannot tell its row from its column [15-003]."
    if kind == "/Figure" and not str(element.get("/Alt", "")).strip():
        yield "A Figure has no alternative text (/Alt) [13-004]."
    if kind == "/Caption" and parent_type not in CAPTION_PARENTS:
        yield f"A Caption stands beside its figure (in {parent_type}), not inside a Figure or Table."
    if "/Lang" in element and not str(element["/Lang"]).strip():
        yield f"A {kind} element has an empty /Lang."


def _id_problems(root: DictionaryObject, tree: _Tree) -> Iterator[str]:
    if not tree.ids and not tree.headers:
        return
    id_tree = root.get("/IDTree")
    named = dict(_name_tree(id_tree.get_object())) if id_tree is not None else {}
    for element_id, number in tree.ids.items():
        if named.get(element_id) != number:
            yield f"The structure element with /ID {element_id!r} is not in the /IDTree."
    for header in sorted(set(tree.headers) - set(tree.ids)):
        yield f"A table cell's /Headers names {header!r}, which no element has as its /ID."


def _name_tree(node: DictionaryObject) -> Iterator[tuple[str, int]]:
    names = node.get("/Names")
    if names is not None:
        names = names.get_object()
        for index in range(0, len(names), 2):
            value = names[index + 1]
            yield str(names[index]), value.idnum if isinstance(value, IndirectObject) else -1
    for kid in node.get("/Kids") or []:
        yield from _name_tree(kid.get_object())


def _heading_problems(levels: list[int]) -> Iterator[str]:
    if levels and levels[0] != 1:
        yield f"The first heading is H{levels[0]}, not H1 [14-002]."
    for before, after in pairwise(levels):
        if after > before + 1:
            yield f"A heading jumps from H{before} to H{after} [14-003]."


@dataclass
class _Marks:
    """The marked-content sequences open at one point of a content stream, innermost last."""

    open: list[tuple[str, Any]] = field(default_factory=list)

    def begin(self, operator: bytes, operands: list[Any], properties: DictionaryObject) -> None:
        tag = str(operands[0]) if operands else ""
        values = operands[1] if operator == b"BDC" and len(operands) > 1 else None
        if values is not None and not isinstance(values, DictionaryObject):
            values = properties.get(values)  # a name in the page's /Properties
        values = values.get_object() if values is not None else DictionaryObject()
        if tag == "/Artifact":
            self.open.append(("artifact", f"{values.get('/Type', '')}{values.get('/Subtype', '')}"))
        elif "/MCID" in values:
            self.open.append(("mcid", int(values["/MCID"])))
        else:
            self.open.append(("other", None))

    def end(self) -> None:
        if self.open:
            self.open.pop()

    @property
    def innermost(self) -> tuple[str, Any]:
        """The sequence that decides what the content is: the innermost artifact or tagged one."""
        return next((mark for mark in reversed(self.open) if mark[0] != "other"), ("none", None))


def _page_content(page: PageObject, number: int, tree: _Tree) -> tuple[list[str], PageText]:
    """Walks the page's content: untagged content, tagged content outside the tree, text in the margins."""
    problems: list[str] = []
    content: list[str] = []
    artifacts: list[str] = []
    marks = _Marks()
    resources = page.get("/Resources")
    properties = resources.get_object().get("/Properties", DictionaryObject()) if resources is not None else None
    properties = properties.get_object() if properties is not None else DictionaryObject()
    page_number = page.indirect_reference.idnum if page.indirect_reference else 0
    height = float(page.mediabox.top)
    untagged = Counter[str]()

    def before(operator: bytes, operands: list[Any], cm: Any, tm: Any) -> None:
        if operator in (b"BDC", b"BMC"):
            marks.begin(operator, operands, properties)
        elif operator == b"EMC":
            marks.end()
        elif operator in TEXT_OPERATORS or operator in PAINT_OPERATORS:
            kind, value = marks.innermost
            if kind == "none":
                untagged["text" if operator in TEXT_OPERATORS else "drawing"] += 1
            elif kind == "mcid" and (page_number, value) not in tree.marked:
                untagged[f"MCID {value} outside the structure tree"] += 1

    def text(shown: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not shown.strip():
            return
        kind, value = marks.innermost
        (artifacts if kind == "artifact" else content).append(shown)
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        place = "/Footer" if y < PAGE_MARGIN_PT else "/Header" if y > height - PAGE_MARGIN_PT else None
        if place is None:
            return
        if kind != "artifact" or not str(value).startswith("/Pagination"):
            problems.append(f"Page {number}: {shown.strip()!r} in the page margin is not a pagination artifact [18-001].")
        elif value != f"/Pagination{place}":
            problems.append(f"Page {number}: {shown.strip()!r} is a pagination artifact without /Subtype {place} [18-002].")

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    for what, count in sorted(untagged.items()):
        if what in ("text", "drawing"):
            problems.append(f"Page {number}: {count} {what} operator(s) neither tagged nor artifact [01-005].")
        else:
            problems.append(f"Page {number}: {count} text or drawing operator(s) tagged with {what}: read out of order.")
    return problems, PageText(" ".join(" ".join(content).split()), " ".join(" ".join(artifacts).split()))


def _annotation_problems(page: PageObject, number: int, tree: _Tree) -> Iterator[str]:
    annotations = [annotation.get_object() for annotation in page.get("/Annots") or []]
    if annotations and page.get("/Tabs") != "/S":
        yield f"Page {number} has annotations but no /Tabs /S [28-008, 28-009]."
    for reference, annotation in zip(page.get("/Annots") or [], annotations, strict=True):
        if annotation.get("/Subtype") != "/Link":
            continue
        description = str(annotation.get("/Contents", "")).strip()
        target = str(annotation.get("/A", {}).get("/URI", "")) or "an internal link"
        if not description:
            yield f"Page {number}: the link to {target[:60]} has no /Contents [28-012]."
        elif len(description) > MAX_LINK_DESCRIPTION:
            yield (
                f"Page {number}: the link to {target[:60]}… has a {len(description)}-character /Contents; "
                "a screen reader reads it all."
            )
        if reference.idnum not in tree.link_annotations:
            yield f"Page {number}: the link to {target[:60]} is not inside a Link structure element [28-011]."


def _long_links_repeated(reader: PdfReader) -> Iterator[str]:
    """A link printed over several lines becomes one annotation per line; a long one should not be printed so."""
    targets = Counter(
        str(action["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if (action := annotation.get_object().get("/A")) is not None and "/URI" in action
    )
    for target, count in targets.items():
        if count > 1 and len(target) > MAX_LINK_DESCRIPTION:
            yield f"The {len(target)}-character link {target[:60]}… is split into {count} annotations."

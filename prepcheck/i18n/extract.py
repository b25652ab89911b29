"""A Babel extractor for questionnaire YAML: every user-facing string, with its stable id as message context."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from prepcheck.engine.texts import VARIANT_FIELDS, text_context
from prepcheck.engine.yaml_source import LineDict, LineList, read_yaml

Extracted = tuple[int, str, tuple[str, str], list[str]]

# (list key in the document, kind in the message context, id key, translatable fields)
_TOP_LEVEL_LISTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("domains", "domain", "id", ("title", "description")),
    ("levels", "level", "id", ("title", "description")),
    ("roles", "role", "id", ("title",)),
)
_TAIL_LISTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("quantities", "quantity", "id", ("label", "unit")),
    ("actions", "action", "id", ("title", "text", "why")),
)


def _line(mapping: LineDict, key: str) -> int:
    return mapping.key_lines.get(key, mapping.line)


def _fields(item: Any, kind: str, item_id: str, fields: tuple[str, ...], qid: str) -> Iterator[tuple[int, str, str, str]]:
    if not isinstance(item, LineDict):
        return
    for field in fields:
        value = item.get(field)
        if isinstance(value, str) and value:
            yield _line(item, field), text_context(qid, kind, item_id, field), value, f"{kind} {field}"


def _variants(item: Any, kind: str, item_id: str, qid: str) -> Iterator[tuple[int, str, str, str]]:
    """A page's, question's or action's variant texts; the translator's note says when each one is shown."""
    if kind not in VARIANT_FIELDS or not isinstance(item, LineDict):
        return
    for variant in item.get("variants", []) or []:
        if not isinstance(variant, LineDict):
            continue
        variant_id, rule = str(variant.get("id", "")), str(variant.get("if", ""))
        for field in VARIANT_FIELDS[kind]:
            value = variant.get(field)
            if isinstance(value, str) and value:
                context = text_context(qid, kind, item_id, field, variant_id)
                yield _line(variant, field), context, value, f"{kind} {field}, variant '{variant_id}', shown when: {rule}"


def _items(document: LineDict, key: str) -> list[Any]:
    value = document.get(key, [])
    return value if isinstance(value, LineList) else []


def iter_document_texts(document: LineDict) -> Iterator[tuple[int, str, str, str]]:
    """(line, context, text, translator comment) for every user-facing string, in the order of iter_texts()."""
    qid = str(document.get("id", ""))
    yield from _fields(document, "questionnaire", qid, ("title", "description"), qid)
    for list_key, kind, id_key, fields in _TOP_LEVEL_LISTS:
        for item in _items(document, list_key):
            yield from _fields(item, kind, str(item.get(id_key, "")), fields, qid)
    for page in _items(document, "pages"):
        page_id = str(page.get("id", ""))
        yield from _fields(page, "page", page_id, ("title", "intro"), qid)
        yield from _variants(page, "page", page_id, qid)
        for question in page.get("questions", []) if isinstance(page, LineDict) else []:
            question_id = str(question.get("id", ""))
            yield from _fields(question, "question", question_id, ("text", "hint", "unit"), qid)
            yield from _variants(question, "question", question_id, qid)
            if question.get("type") == "yes_no":
                continue
            for option in question.get("options", []) or []:
                option_id = f"{question_id}.{option.get('value', '')}"
                yield from _fields(option, "option", option_id, ("label", "hint"), qid)
    for list_key, kind, id_key, fields in _TAIL_LISTS:
        for item in _items(document, list_key):
            yield from _fields(item, kind, str(item.get(id_key, "")), fields, qid)
            yield from _variants(item, kind, str(item.get(id_key, "")), qid)
    card = document.get("plan_card")
    if isinstance(card, LineDict):
        yield from _fields(card, "plan_card", "card", ("title", "intro"), qid)
        yield from _variants(card, "plan_card", "card", qid)
        for row in _items(card, "rows"):
            yield from _fields(row, "plan_card_row", str(row.get("id", "")), ("text",), qid)
    for source in _items(document, "sources"):
        yield from _fields(source, "source", str(source.get("id", "")), ("title",), qid)


def extract_questionnaire(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[Extracted]:
    """Babel extraction method: yields pgettext messages (context = stable id) from a questionnaire file."""
    document = read_yaml(fileobj.read().decode("utf-8"))
    if not isinstance(document, LineDict):
        return
    for line, context, text, comment in iter_document_texts(document):
        yield line, "pgettext", (context, text), [comment]

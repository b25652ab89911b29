"""A view's JSON document and its JSON Schema come from the same fields, so the two cannot tell different stories."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

import pytest
from jsonschema import Draft202012Validator

from prepcheck.engine.model import CostBand
from prepcheck.views.documents import SchemaHint, schemas_for, to_json


@dataclass(frozen=True, slots=True)
class PartView:
    name: str
    weight: float | None


@dataclass(frozen=True, slots=True)
class WholeView:
    id: str
    count: Annotated[int, SchemaHint(minimum=0)]
    ready: bool
    cost: CostBand | None
    mood: Literal["calm", "busy"]
    tags: tuple[str, ...]
    main: PartView
    spare: PartView | None
    parts: tuple[PartView, ...]


WHOLE = WholeView("w1", 3, True, CostBand.LOW, "calm", ("a", "b"), PartView("p", 1.5), None, (PartView("q", None),))


def valid(document: object) -> bool:
    root = {"$ref": "#/components/schemas/Whole", "components": {"schemas": schemas_for({"Whole": WholeView})}}
    return bool(Draft202012Validator(root).is_valid(document))


def test_a_views_document_has_every_field_in_order_with_plain_json_values() -> None:
    assert to_json(WHOLE) == {
        "id": "w1",
        "count": 3,
        "ready": True,
        "cost": "low",
        "mood": "calm",
        "tags": ["a", "b"],
        "main": {"name": "p", "weight": 1.5},
        "spare": None,
        "parts": [{"name": "q", "weight": None}],
    }
    assert list(to_json(WHOLE)) == ["id", "count", "ready", "cost", "mood", "tags", "main", "spare", "parts"]
    assert type(to_json(WHOLE)["cost"]) is str


def test_the_schema_names_each_nested_view_once_and_lists_every_field_as_required() -> None:
    schemas = schemas_for({"Whole": WholeView})
    assert set(schemas) == {"Whole", "Part"}
    whole = schemas["Whole"]
    assert (
        whole["required"]
        == list(whole["properties"])
        == ["id", "count", "ready", "cost", "mood", "tags", "main", "spare", "parts"]
    )
    assert whole["additionalProperties"] is False
    assert whole["properties"]["count"] == {"type": "integer", "minimum": 0}
    assert whole["properties"]["cost"] == {"type": ["string", "null"], "enum": ["free", "low", "medium", "high", None]}
    assert whole["properties"]["mood"] == {"type": "string", "enum": ["calm", "busy"]}
    assert whole["properties"]["spare"] == {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Part"}]}
    assert schemas["Part"]["properties"]["weight"] == {"type": ["number", "null"]}


def test_the_schema_accepts_the_views_document_and_nothing_more_or_less() -> None:
    document = to_json(WHOLE)
    assert valid(document)
    assert not valid({**document, "extra": 1})
    assert not valid({key: value for key, value in document.items() if key != "spare"})
    assert not valid({**document, "parts": [{"name": "q", "weight": None, "extra": 1}]})
    assert not valid({**document, "cost": "priceless"})


def test_a_field_type_without_a_json_form_is_refused() -> None:
    @dataclass(frozen=True, slots=True)
    class OddView:
        lookup: dict[str, str]

    with pytest.raises(TypeError, match="no JSON Schema"):
        schemas_for({"Odd": OddView})


def test_two_views_that_would_share_a_schema_name_are_refused() -> None:
    @dataclass(frozen=True, slots=True)
    class HolderView:
        part: PartView

    with pytest.raises(TypeError, match="would both be the schema 'Part'"):
        schemas_for({"Holder": HolderView, "Part": WholeView})

"""Views as JSON documents, and the JSON Schemas (2020-12) of those documents, read off the view types themselves."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Schema = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SchemaHint:
    """What a field's Python type cannot say about its JSON (`Annotated[str, SchemaHint(pattern=...)]`)."""

    enum: tuple[str, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None

    def keywords(self) -> Schema:
        values = {
            "enum": list(self.enum) if self.enum is not None else None,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "pattern": self.pattern,
        }
        return {key: value for key, value in values.items() if value is not None}


def to_json(view: DataclassInstance) -> dict[str, Any]:
    """The view as its JSON document: one member per dataclass field, in field order."""
    if not dataclasses.is_dataclass(view) or isinstance(view, type):
        raise TypeError(f"{view!r} is not a view")
    return {field.name: _json_value(getattr(view, field.name)) for field in dataclasses.fields(view)}


def _json_value(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_json(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_json_value(item) for item in value]
    return value


def _component_ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def schema_name(view_type: type) -> str:
    """A nested view's component name: its class name without the `View` ending."""
    return view_type.__name__.removesuffix("View")


def schemas_for(roots: Mapping[str, type[DataclassInstance]]) -> dict[str, Schema]:
    """Component schemas of these view types (under the given names) and of every view nested in them."""
    names = {view_type: name for name, view_type in roots.items()}
    schemas: dict[str, Schema] = {}
    pending = list(roots.values())
    while pending:
        view_type = pending.pop(0)
        name = names.setdefault(view_type, schema_name(view_type))
        if name in schemas:
            continue
        nested: list[type] = []
        schemas[name] = _object_schema(view_type, names, nested)
        pending += nested
    taken: dict[str, type] = {}
    for view_type, name in names.items():
        if taken.setdefault(name, view_type) is not view_type:
            raise TypeError(f"{view_type.__name__} and {taken[name].__name__} would both be the schema {name!r}")
    return schemas


def _object_schema(view_type: type, names: dict[type, str], nested: list[type]) -> Schema:
    """Every field a required member and nothing else allowed: the document is exactly the view."""
    if not dataclasses.is_dataclass(view_type):
        raise TypeError(f"{view_type!r} is not a view type")
    hints = typing.get_type_hints(view_type, include_extras=True)
    properties = {field.name: _schema(hints[field.name], names, nested) for field in dataclasses.fields(view_type)}
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


_PRIMITIVES: dict[Any, str] = {str: "string", bool: "boolean", int: "integer", float: "number"}


def _schema(hint: Any, names: dict[type, str], nested: list[type]) -> Schema:
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin is Annotated:
        base, *extras = arguments
        schema = _schema(base, names, nested)
        for extra in extras:
            if isinstance(extra, SchemaHint):
                schema.update(extra.keywords())
        return schema
    if origin in (Union, types.UnionType):
        return _nullable(hint, arguments, names, nested)
    if origin in (tuple, list):
        items = arguments[0] if origin is list or (len(arguments) == 2 and arguments[1] is Ellipsis) else None
        if items is None:
            raise TypeError(f"{hint!r}: a view holds tuple[X, ...] or list[X]")
        return {"type": "array", "items": _schema(items, names, nested)}
    if origin is Literal and all(isinstance(value, str) for value in arguments):
        return {"type": "string", "enum": list(arguments)}
    if hint in _PRIMITIVES:
        return {"type": _PRIMITIVES[hint]}
    if isinstance(hint, type) and issubclass(hint, Enum) and issubclass(hint, str):
        return {"type": "string", "enum": [member.value for member in hint]}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        nested.append(hint)
        return _component_ref(names.setdefault(hint, schema_name(hint)))
    raise TypeError(f"no JSON Schema for {hint!r}")


def _nullable(hint: Any, arguments: tuple[Any, ...], names: dict[type, str], nested: list[type]) -> Schema:
    """`X | None`: a type list (with null in the enum) for plain values, else one of null and the view."""
    others = [argument for argument in arguments if argument is not type(None)]
    if len(others) != 1 or len(others) == len(arguments):
        raise TypeError(f"{hint!r}: a view field is one type, or one type or None")
    schema = _schema(others[0], names, nested)
    if isinstance(schema.get("type"), str) and schema["type"] not in ("object", "array"):
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        return schema
    return {"oneOf": [{"type": "null"}, schema]}

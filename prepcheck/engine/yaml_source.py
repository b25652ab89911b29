"""Reads YAML safely while remembering the line of every key and list item, for error messages."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import yaml
from yaml.nodes import MappingNode, SequenceNode

MAX_FILE_BYTES = 2_000_000
"""A questionnaire larger than this is refused before parsing (a guard against hostile files)."""
MAX_DEPTH = 50
"""Deeper nesting is refused while composing (real files nest about 8 deep); guards against RecursionError."""
MAX_NUMBER_CHARACTERS = 30
"""Longer numbers are refused (Python would spend time on them, or refuse ints over 4300 digits with ValueError)."""


class LineDict(dict[str, Any]):
    """A dict that knows the line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A list that knows the line of each of its items."""

    line: int = 0
    item_lines: list[int]


class YamlProblem(ValueError):
    """A YAML file that cannot be read, with the line where reading stopped."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _LineConstructing(yaml.constructor.SafeConstructor):
    """Builds LineDict/LineList, refuses duplicate keys and oversized numbers (mixed into a SafeLoader)."""

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        if len(node.value) > MAX_NUMBER_CHARACTERS:
            raise YamlProblem(f"the number is too long (more than {MAX_NUMBER_CHARACTERS} characters)", node.start_mark.line + 1)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        if len(node.value) > MAX_NUMBER_CHARACTERS:
            raise YamlProblem(f"the number is too long (more than {MAX_NUMBER_CHARACTERS} characters)", node.start_mark.line + 1)
        value: float = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise YamlProblem(f"the number {node.value[:20]} is too large or not a number", node.start_mark.line + 1)
        return value

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise YamlProblem(f"keys must be text, not {key!r}", key_node.start_mark.line + 1)
            if key in mapping:
                raise YamlProblem(
                    f"the key '{key}' appears twice (first at line {mapping.key_lines[key]})", key_node.start_mark.line + 1
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LineList:
        items = LineList(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


class _LineLoader(_LineConstructing, yaml.SafeLoader):
    """The pure-Python SafeLoader with line numbers, which also refuses aliases and deep nesting while composing."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        # Aliases can expand a small file into a huge tree ("billion laughs"); questionnaires never need them.
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise YamlProblem("aliases (*name) are not allowed in a questionnaire", event.start_mark.line + 1)
        if self._depth >= MAX_DEPTH:
            raise YamlProblem(f"the file nests deeper than {MAX_DEPTH} levels", self.peek_event().start_mark.line + 1)  # type: ignore[no-untyped-call]
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _KnownFileLoader(_LineConstructing, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's SafeLoader with line numbers: ten times faster, for content that _LineLoader read without a problem
    before (it composes in C, so the alias and depth guards of _LineLoader would not run)."""


# YAML 1.1 reads yes/no/on/off as booleans ("the Norway problem"); questionnaires use yes and no as
# answer values, so only true/false are booleans here, as in YAML 1.2.
for _loader in (_LineLoader, _KnownFileLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    _loader.add_constructor("tag:yaml.org,2002:map", _LineConstructing.construct_mapping)  # type: ignore[type-var]
    _loader.add_constructor("tag:yaml.org,2002:seq", _LineConstructing.construct_sequence)  # type: ignore[type-var]
    _loader.add_constructor("tag:yaml.org,2002:int", _LineConstructing.construct_yaml_int)  # type: ignore[type-var]
    _loader.add_constructor("tag:yaml.org,2002:float", _LineConstructing.construct_yaml_float)  # type: ignore[type-var]


def read_yaml(text: str, *, known_good: bool = False) -> Any:
    """Parse YAML text into LineDict/LineList trees; raise YamlProblem with a line on any error.

    `known_good`: the same text was read without a problem before, so libyaml may read it (when installed).
    """
    if len(text.encode("utf-8", errors="replace")) > MAX_FILE_BYTES:
        raise YamlProblem(f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB", 1)
    try:
        loader = _KnownFileLoader if known_good and yaml.__with_libyaml__ else _LineLoader
        return yaml.load(text, Loader=loader)  # noqa: S506 - both loaders are SafeLoaders
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise YamlProblem(f"not valid YAML: {error.problem or error}", line) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"not valid YAML: {error}", 1) from None
    except (RecursionError, ValueError, OverflowError, MemoryError) as error:  # a last guard: never crash the caller
        raise YamlProblem(f"the file cannot be read safely: {type(error).__name__}", 1) from None


def line_of(document: Any, path: Sequence[str | int]) -> int:
    """The line of the item at `path` (keys and list indexes), or of the deepest parent that exists."""
    line = getattr(document, "line", 1) or 1
    node = document
    for step in path:
        if isinstance(node, LineDict) and isinstance(step, str) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


def format_path(path: Sequence[str | int]) -> str:
    """Write a key path as 'pages[2].questions[0].id'."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "(top)"

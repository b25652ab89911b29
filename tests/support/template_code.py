"""One store of compiled Jinja templates for every app a test run creates, so each template compiles once per run."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache


def _compiler_settings(environment: Environment) -> tuple[Any, ...]:
    """What shapes a template's compiled code besides its source: code is only reused between alike environments."""
    autoescape = environment.autoescape
    return (
        type(environment),
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.is_async,
        environment.finalize is not None,
        getattr(autoescape, "__func__", autoescape),
        getattr(environment, "newstyle_gettext", None),
        tuple(sorted(environment.extensions)),
        tuple(sorted(environment.filters)),
        tuple(sorted(environment.tests)),
    )


class SharedTemplateCode(BytecodeCache):
    """Keeps each template's code object in memory, keyed by its name, file, source and the environment's settings.

    Every test builds its own app and so its own Jinja environment; without this each one compiles every page
    template again (parsing and code generation take longer than rendering the page).
    """

    def __init__(self) -> None:
        self._code: dict[tuple[Any, ...], Any] = {}

    def _key(self, bucket: Bucket) -> tuple[Any, ...]:
        return (bucket.key, bucket.checksum, _compiler_settings(bucket.environment))

    def load_bytecode(self, bucket: Bucket) -> None:
        bucket.code = self._code.get(self._key(bucket))

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[self._key(bucket)] = bucket.code

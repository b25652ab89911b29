"""The house's floors: each part of prepcheck imports only the parts below it, and no import runs back up.

Read from the source with `ast` (nothing is imported), so a new module is held to the same rules the day it lands.
The rules are the layers of docs/architecture.md.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "prepcheck"

ALLOWED: dict[str, set[str]] = {
    "resources": set(),
    "config": {"resources"},
    "engine": set(),
    "i18n": {"config", "engine"},
    "logs": set(),
    "store": {"config", "engine"},
    "views": {"config", "engine", "i18n", "store"},
    "report": {"config", "engine", "i18n", "logs", "resources", "views"},
    "tenants": {"config", "engine", "i18n", "report", "resources", "views"},
    "services": {"config", "engine", "report", "store", "tenants"},
    "api": {"config", "engine", "i18n", "logs", "report", "services", "store", "views"},
    "web": {"config", "engine", "i18n", "logs", "report", "services", "store", "tenants", "views"},
    "cli": {"config", "engine", "i18n", "logs", "report", "resources", "services", "store", "tenants", "views", "app"},
    "app": {"api", "config", "engine", "i18n", "logs", "report", "resources", "services", "store", "tenants", "web", "views"},
}
"""What each part may import. `app` is prepcheck/__init__.py, the application factory (the composition root)."""


def _part(module: str) -> str:
    parts = module.split(".")
    return "app" if len(parts) == 1 else parts[1]


def _imports() -> Iterator[tuple[Path, str, str]]:
    """(file, importing part, imported part) for every import of another part of prepcheck."""
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(relative.parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [node.module]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            for target in targets:
                if target == "prepcheck" or target.startswith("prepcheck."):
                    importer, imported = _part(module), _part(target)
                    if importer != imported:
                        yield path, importer, imported


def test_every_part_of_prepcheck_has_a_floor() -> None:
    parts = {_part(".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)) for p in PACKAGE.glob("*.py")}
    parts |= {folder.name for folder in PACKAGE.iterdir() if (folder / "__init__.py").is_file()}
    parts.discard("__init__")
    parts.discard("__main__")
    assert parts - set(ALLOWED) == set(), "a new top-level module or package needs its place in ALLOWED and the docs"


def test_no_part_imports_one_above_it() -> None:
    upward = [
        f"{path.relative_to(PACKAGE.parent)}: {importer} imports {imported}"
        for path, importer, imported in _imports()
        if imported not in ALLOWED[importer]
    ]
    assert upward == []


def test_the_engine_imports_nothing_of_prepcheck_outside_itself() -> None:
    assert [str(path) for path, importer, _ in _imports() if importer == "engine"] == []


def test_the_allowed_imports_form_no_cycle() -> None:
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(part: str, trail: tuple[str, ...]) -> None:
        if part in done:
            return
        if part in visiting:
            pytest.fail(f"cycle: {' -> '.join((*trail, part))}")
        visiting.add(part)
        for below in ALLOWED[part]:
            visit(below, (*trail, part))
        visiting.discard(part)
        done.add(part)

    for part in ALLOWED:
        visit(part, ())


def test_a_broken_import_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check itself can fail: an engine module that imports the web is reported."""
    engine = tmp_path / "prepcheck" / "engine"
    engine.mkdir(parents=True)
    (tmp_path / "prepcheck" / "__init__.py").write_text("", encoding="utf-8")
    (engine / "__init__.py").write_text("", encoding="utf-8")
    (engine / "leaky.py").write_text("from prepcheck.web.journey import Journey\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "prepcheck")
    assert [(importer, imported) for _, importer, imported in _imports()] == [("engine", "web")]

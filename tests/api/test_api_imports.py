"""The API is a front end of its own: it imports nothing from the web front end, directly or through another module."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

API = Path(__file__).resolve().parents[2] / "prepcheck" / "api"


def imported_modules(source: Path) -> set[str]:
    """Every module an `import` or `from … import` in the file names (relative imports made absolute)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            package = ["prepcheck", "api"][: 3 - node.level] if node.level else []  # `.x` is prepcheck.api.x
            base = ".".join([*package, *([node.module] if node.module else [])])
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_no_api_module_imports_the_web() -> None:
    sources = sorted(API.glob("*.py"))
    assert len(sources) > 5
    web_imports = {
        source.name: sorted(
            name for name in imported_modules(source) if name == "prepcheck.web" or name.startswith("prepcheck.web.")
        )
        for source in sources
    }
    assert {name: found for name, found in web_imports.items() if found} == {}


def test_loading_the_api_loads_no_web_module() -> None:
    script = (
        "import sys, prepcheck.api, prepcheck.api.routes\n"
        "print(sorted(name for name in sys.modules if name.startswith('prepcheck.web')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]"

"""Files added to one plan's render (a tenant's logo), without WeasyPrint: web processes pass them on, never render."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

ExtraAssets = Mapping[str, Path | bytes]
"""Assets added for one render (a tenant's logo), by name: a file the server chose, or its bytes."""


def asset_bytes(extra_assets: ExtraAssets | None) -> dict[str, bytes]:
    """The extra assets read into memory, so a render can happen where their files are not (an RQ worker)."""
    return {name: source if isinstance(source, bytes) else source.read_bytes() for name, source in (extra_assets or {}).items()}

"""The only way WeasyPrint may load anything: bundled assets by name and data: URLs, never files or the network."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from typing import Any

from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

from prepcheck.report.extra_assets import ExtraAssets

ASSET_SCHEME = "prepcheck-asset:"
ASSETS_DIR = Path(__file__).resolve().parent / "assets"
MAX_DATA_URL_BYTES = 2_000_000
MAX_EXTRA_ASSET_BYTES = 2_000_000

logger = logging.getLogger(__name__)


class BundledAssetFetcher(URLFetcher):  # type: ignore[misc]
    """Serves `prepcheck-asset:NAME` from an allow-list of files and small data: URLs; refuses everything else."""

    def __init__(self, extra_assets: ExtraAssets | None = None) -> None:
        # Only data: goes through the standard opener, and without redirects.
        super().__init__(allowed_protocols=["data"], allow_redirects=False, fail_on_errors=False)
        self.assets: dict[str, Path | bytes] = {
            str(path.relative_to(ASSETS_DIR)): path for path in ASSETS_DIR.rglob("*") if path.is_file()
        }
        for name, source in (extra_assets or {}).items():
            # In-memory assets are only ever a name the server chose mapped to bytes it read; cap them all the same.
            if isinstance(source, bytes) and len(source) > MAX_EXTRA_ASSET_BYTES:
                continue
            self.assets[name] = source
        self.requested: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Answer one request of the renderer."""
        self.requested.append(url[:200])
        if url.startswith(ASSET_SCHEME):
            name = url[len(ASSET_SCHEME) :]
            source = self.assets.get(name)
            if source is not None:
                mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
                body = source if isinstance(source, bytes) else source.read_bytes()
                return URLFetcherResponse(url, body=body, headers={"Content-Type": mime})
        elif url.startswith("data:") and len(url) <= MAX_DATA_URL_BYTES:
            return super().fetch(url, headers)
        self.refused.append(url[:200])
        # The URL itself is not logged: it may carry text that a user typed.
        logger.warning("report renderer refused a resource outside the bundled assets")
        raise URLFetchingError("only bundled assets and data: URLs may be loaded")

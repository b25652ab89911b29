"""The only way WeasyPrint may load anything: bundled assets by name and data: URLs, never files or the network."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from typing import Any

from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

ASSET_SCHEME = "prepcheck-asset:"
ASSETS_DIR = Path(__file__).resolve().parent / "assets"
MAX_DATA_URL_BYTES = 2_000_000

logger = logging.getLogger(__name__)


class BundledAssetFetcher(URLFetcher):
    """Serves `prepcheck-asset:NAME` from an allow-list of files and small data: URLs; refuses everything else."""

    def __init__(self, extra_assets: dict[str, Path] | None = None) -> None:
        # Only data: goes through the standard opener, and without redirects.
        super().__init__(allowed_protocols=["data"], allow_redirects=False, fail_on_errors=False)
        self.assets: dict[str, Path] = {
            str(path.relative_to(ASSETS_DIR)): path for path in ASSETS_DIR.rglob("*") if path.is_file()
        }
        self.assets.update(extra_assets or {})
        self.requested: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Answer one request of the renderer."""
        self.requested.append(url[:200])
        if url.startswith(ASSET_SCHEME):
            path = self.assets.get(url[len(ASSET_SCHEME) :])
            if path is not None:
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})
        elif url.startswith("data:") and len(url) <= MAX_DATA_URL_BYTES:
            return super().fetch(url, headers)
        self.refused.append(url[:200])
        # The URL itself is not logged: it may carry text that a user typed.
        logger.warning("report renderer refused a resource outside the bundled assets")
        raise URLFetchingError("only bundled assets and data: URLs may be loaded")

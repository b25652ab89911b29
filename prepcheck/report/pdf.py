"""HTML -> tagged PDF/UA with WeasyPrint (its tagging completed by pdf_tagging); stylesheet and fonts built once per process."""

from __future__ import annotations

from functools import lru_cache

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from prepcheck.report.extra_assets import ExtraAssets
from prepcheck.report.fetcher import ASSETS_DIR, BundledAssetFetcher
from prepcheck.report.pdf_tagging import link_descriptions, tagging_finisher


@lru_cache(maxsize=1)
def _shared_resources() -> tuple[FontConfiguration, CSS, BundledAssetFetcher]:
    """Built on first use in each process and reused for every render after it."""
    fetcher = BundledAssetFetcher()
    font_config = FontConfiguration()
    stylesheet = CSS(
        string=(ASSETS_DIR / "report.css").read_text(encoding="utf-8"),
        font_config=font_config,
        url_fetcher=fetcher,
    )
    return font_config, stylesheet, fetcher


def html_to_pdf(html: str, extra_assets: ExtraAssets | None = None, fetcher: BundledAssetFetcher | None = None) -> bytes:
    """Render one plan; only bundled assets (and any extra, such as a tenant logo) can be loaded."""
    font_config, stylesheet, shared_fetcher = _shared_resources()
    if fetcher is None:
        fetcher = BundledAssetFetcher(extra_assets) if extra_assets else shared_fetcher
    document = HTML(string=html, base_url="prepcheck-asset:", url_fetcher=fetcher)
    pdf: bytes = document.write_pdf(
        stylesheets=[stylesheet],
        font_config=font_config,
        pdf_variant="pdf/ua-1",
        finisher=tagging_finisher(link_descriptions(document.etree_element)),
    )
    return pdf

"""Finished PDFs kept in memory by a hash of everything they show, so a second download costs nothing."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict

from prepcheck.report.html import TEMPLATE_VERSION, ReportRequest
from prepcheck.views.documents import to_json


def cache_key(request: ReportRequest) -> str:
    """A hash of the shown content (answers on the path, texts, language, tenant, date, links, template)."""
    municipality = request.local.municipality
    # Views go in as their JSON documents: every field, in a form json.dumps writes the same way every time.
    material = {
        "template": TEMPLATE_VERSION,
        "view": to_json(request.view),
        "locale": request.locale,
        "created": request.created.isoformat(),
        "recheck_url": request.recheck_url,
        "sources_url": request.sources_url,
        "shopping": [to_json(item) for item in request.shopping],
        "branding": [request.branding.name, request.branding.logo_asset] if request.branding else None,
        "radio": request.local.radio,
        "local": to_json(municipality) if municipality is not None else None,
    }
    encoded = json.dumps(material, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


class PdfCache:
    """A thread-safe LRU of PDF bytes, bounded by total size."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            pdf = self._items.get(key)
            if pdf is not None:
                self._items.move_to_end(key)
            return pdf

    def put(self, key: str, pdf: bytes) -> None:
        if len(pdf) > self.max_bytes:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = pdf
            self._size += len(pdf)
            while self._size > self.max_bytes:
                _, evicted = self._items.popitem(last=False)
                self._size -= len(evicted)

    def __len__(self) -> int:
        return len(self._items)

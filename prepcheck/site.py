"""The site's own address, for links that leave it (the plan's re-check link); shared by the web and the API."""

from __future__ import annotations

from dataclasses import dataclass

from flask import request

from prepcheck.engine.recheck_code import recheck_link

LANGUAGE_PREFIX_KEY = "prepcheck.locale"
"""WSGI environ key: the /nl/-style language prefix the locale middleware moved into SCRIPT_NAME."""


@dataclass(frozen=True, slots=True)
class SiteAddress:
    """Where the site lives: the configured public address (PREPCHECK_PUBLIC_URL), else the request's host."""

    public_url: str | None = None

    def root(self) -> str:
        """The site's address without a language prefix (a tenant's /embed/<slug> prefix stays)."""
        if self.public_url:
            return self.public_url.rstrip("/")
        script_name = str(request.environ.get("SCRIPT_NAME", ""))
        prefix = request.environ.get(LANGUAGE_PREFIX_KEY)
        if prefix and script_name.endswith(f"/{prefix}"):
            script_name = script_name[: -len(prefix) - 1]
        return request.host_url.rstrip("/") + script_name.rstrip("/")

    def recheck_link(self, language: str, questionnaire_id: str, code: str) -> str:
        """The link that brings the code back to this site's re-check page (the code after '#')."""
        return recheck_link(self.root(), language, questionnaire_id, code)

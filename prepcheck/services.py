"""The app's long-lived services, built once by create_app and read by every front end through services()."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, request

from prepcheck.engine.questionnaires import QuestionnaireRegistry
from prepcheck.engine.recheck_code import recheck_link
from prepcheck.report.renderer import PlanRenderer
from prepcheck.store import ResponseStore
from prepcheck.store.statistics import StatisticsStore
from prepcheck.tenants.registry import TenantRegistry

__all__ = ["LANGUAGE_PREFIX_KEY", "Services", "SiteAddress", "install_services", "services", "services_of"]

_EXTENSION = "prepcheck.services"
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

    def base(self) -> str:
        """The site's own address, without any prefix the request came through (for the embed snippet)."""
        return (self.public_url or request.host_url).rstrip("/")

    def recheck_link(self, language: str, questionnaire_id: str, code: str) -> str:
        """The link that brings the code back to this site's re-check page (the code after '#')."""
        return recheck_link(self.root(), language, questionnaire_id, code)

    def sources_link(self, language: str, questionnaire_id: str) -> str:
        """The page listing the questionnaire's sources in full: the one address the printed plan gives for them."""
        return f"{self.root()}/{language}/{questionnaire_id}/sources"


@dataclass(frozen=True, slots=True)
class Services:
    """Everything the web, the API and the commands share; whatever starts processes or connects does so lazily."""

    questionnaires: QuestionnaireRegistry
    responses: ResponseStore
    statistics: StatisticsStore
    tenants: TenantRegistry
    plans: PlanRenderer
    site: SiteAddress


def install_services(app: Flask, built: Services) -> None:
    """Make `built` the app's services (create_app does this once; a test may swap in a changed copy)."""
    app.extensions[_EXTENSION] = built


def services_of(app: Flask) -> Services:
    """The services of `app`."""
    built: Services = app.extensions[_EXTENSION]
    return built


def services() -> Services:
    """The services of the app handling this request (or command)."""
    return services_of(current_app)

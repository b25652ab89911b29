"""The app's long-lived services, built once by create_app and read by every front end through services()."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app

from prepcheck.engine.questionnaires import QuestionnaireRegistry
from prepcheck.report.renderer import PlanRenderer
from prepcheck.site import SiteAddress
from prepcheck.store import ResponseStore
from prepcheck.store.statistics import StatisticsStore
from prepcheck.tenants.registry import TenantRegistry

__all__ = ["Services", "install_services", "services", "services_of"]

_EXTENSION = "prepcheck.services"


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

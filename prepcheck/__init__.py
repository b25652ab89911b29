"""prepcheck: a preparedness self-assessment for households and businesses."""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError

from prepcheck import logs
from prepcheck.config import (
    MAKE_A_SECRET,
    Settings,
    StartupError,
    check_public_address,
    database_url,
    instance_folder,
    private_folder,
    secret_key_problem,
    settings_from_env,
)
from prepcheck.engine.load_cache import ReachabilityMarks
from prepcheck.engine.questionnaires import QuestionnaireRegistry
from prepcheck.report.renderers import plan_renderer
from prepcheck.resources import bundled_dir
from prepcheck.services import Services, SiteAddress, install_services, services_of
from prepcheck.store import ResponseStore, retention
from prepcheck.store.statistics import StatisticsStore
from prepcheck.store.tables import error_line, safe_url
from prepcheck.tenants.registry import TenantRegistry, default_tenant_dir, load_registry

__all__ = ["create_app"]


def _secret_key(settings: Settings, instance_path: Path) -> str:
    """The configured secret; in the embedded default one is generated once and kept in the instance folder."""
    if settings.is_production:
        if not settings.secret_key:
            raise StartupError(f"PREPCHECK_SECRET_KEY must be set when PREPCHECK_ENV=production; make one with: {MAKE_A_SECRET}")
        problem = secret_key_problem(settings.secret_key)
        if problem is not None:
            raise StartupError(f"PREPCHECK_SECRET_KEY {problem}; make one with: {MAKE_A_SECRET}")
    if settings.secret_key:
        return settings.secret_key
    try:
        return _generated_secret(private_folder(instance_path) / "secret_key")
    except OSError as error:
        raise StartupError(
            f"the instance folder {instance_path} cannot be written ({error.strerror or type(error).__name__}): make it "
            "writable for the user running prepcheck, or set PREPCHECK_INSTANCE_PATH to a folder that is"
        ) from None


def _generated_secret(key_file: Path) -> str:
    """The key kept in `key_file`, made first if missing."""
    if not key_file.exists():
        # Written whole, for the owner only, then linked into place: processes starting at once all keep the first.
        draft = key_file.with_name(f".secret_key.{secrets.token_hex(8)}")
        with os.fdopen(os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8") as file:
            file.write(secrets.token_urlsafe(48))
        try:
            os.link(draft, key_file)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return key_file.read_text(encoding="utf-8").strip()


def _response_store(settings: Settings, instance_path: Path, secret_key: str) -> ResponseStore:
    """The store at the configured database, migrated (or checked); keyed by a pepper from the secret."""
    pepper = hashlib.sha256(b"prepcheck.store\x00" + secret_key.encode()).digest()
    url = settings.database_url or f"the instance folder {instance_path}"
    try:
        url = database_url(settings, instance_path)
        return ResponseStore(url, pepper, timedelta(days=settings.retention_days), auto_migrate=settings.auto_migrate)
    except (SQLAlchemyError, OSError) as error:
        advice = (
            "check PREPCHECK_DATABASE_URL and that the database answers"
            if settings.database_url
            else f"make the instance folder {instance_path} writable for the user running prepcheck, "
            "or set PREPCHECK_INSTANCE_PATH to a folder that is"
        )
        raise StartupError(f"cannot open the database {safe_url(url)}: {error_line(error)}; {advice}") from None


def _tenants(app: Flask, settings: Settings, instance_path: Path, questionnaires: QuestionnaireRegistry) -> TenantRegistry:
    """The tenants to serve; each broken one is logged (file, line, key, message) and left out."""
    registry = load_registry(
        settings.tenant_dir or default_tenant_dir(instance_path), settings.serves_example_tenants, set(questionnaires)
    )
    for error in registry.errors:
        app.logger.error("tenant left out: %s", error)
    return registry


def _services(app: Flask, settings: Settings, instance_path: Path) -> Services:
    """The one composition root: every service the front ends share, each made once for this app."""
    questionnaires = QuestionnaireRegistry.from_folder(
        settings.questionnaire_dir,
        include_tests=settings.include_test_questionnaires,
        marks=ReachabilityMarks((settings.cache_dir or instance_path / "cache") / "reachability"),
    )
    responses = _response_store(settings, instance_path, app.config["SECRET_KEY"])
    return Services(
        questionnaires=questionnaires,
        responses=responses,
        statistics=StatisticsStore(responses.engine),
        tenants=_tenants(app, settings, instance_path, questionnaires),
        plans=plan_renderer(settings, app.config["SECRET_KEY"]),
        site=SiteAddress(settings.public_url),
    )


def create_app(settings: Settings | None = None, **overrides: Any) -> Flask:
    """The Flask application factory; `overrides` replace individual settings (used by tests)."""
    settings = settings or settings_from_env(**overrides)
    app = logs.RouteLoggingFlask(
        __name__,
        template_folder=str(bundled_dir("templates")),
        instance_path=str(instance_folder(settings)),
    )
    instance_path = Path(app.instance_path)
    app.config["SECRET_KEY"] = _secret_key(settings, instance_path)
    check_public_address(settings)
    app.config["PREPCHECK_SETTINGS"] = settings
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.config["MAX_FORM_MEMORY_SIZE"] = settings.max_request_bytes
    app.config["MAX_FORM_PARTS"] = 200
    install_services(app, _services(app, settings, instance_path))

    from prepcheck.api import register_api
    from prepcheck.web import install_host_check, install_rate_limits, register_blueprints

    register_blueprints(app)
    register_api(app)
    install_rate_limits(app)
    install_host_check(app)
    if not logging.getLogger("prepcheck").handlers:
        logs.configure_logging()
    logs.install(app)
    # Looked up per run, not once: a test may swap the services of a running app.
    retention.install(app, lambda: services_of(app).responses)
    return app

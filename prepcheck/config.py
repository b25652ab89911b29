"""Settings from the environment (PREPCHECK_*), with defaults for the embedded single-machine set-up."""

from __future__ import annotations

import itertools
import math
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from prepcheck.resources import bundled_dir

SUPPORTED_LOCALES = ("nl", "en", "pap", "fy")
DEFAULT_LOCALE = "nl"
MIN_SECRET_BYTES = 32
MAKE_A_SECRET = 'python -c "import secrets; print(secrets.token_urlsafe(48))"'  # noqa: S105 - a command, not a key


class StartupError(RuntimeError):
    """prepcheck cannot start as configured; the message is one line for the operator that says what to do."""


@dataclass(frozen=True)
class Settings:
    """Everything that can be configured; read once when the app is created."""

    environment: str = "development"
    secret_key: str | None = None
    instance_path: Path | None = None
    database_url: str | None = None
    questionnaire_dir: Path = field(default_factory=lambda: bundled_dir("questionnaires"))
    host: str = "127.0.0.1"
    port: int = 8000
    include_test_questionnaires: bool = False
    retention_days: int = 30
    form_token_max_age: int = 6 * 3600
    max_request_bytes: int = 64 * 1024
    pdf_workers: int = 2
    pdf_timeout_seconds: float = 60.0
    """How long one plan's render may take (PREPCHECK_PDF_TIMEOUT): the worst-case household plan took up to 31 s
    with every render process busy on an overloaded 2-core machine (benchmarks/worst_case_plan.py)."""
    pdf_cache_seconds: int = 3600
    """How long a PDF made by an RQ worker stays in Redis for download (PREPCHECK_PDF_CACHE_SECONDS)."""
    tenant_dir: Path | None = None
    """Where tenant folders live (PREPCHECK_TENANTS); None: <instance folder>/tenants."""
    include_example_tenants: bool | None = None
    """Also serve the two shipped example tenants; None: yes in development, no in production."""
    public_url: str | None = None
    """The site's address for links that leave it (the PDF's re-check link); None: the request's host."""
    allowed_hosts: tuple[str, ...] = ()
    """Host names the site answers to (PREPCHECK_ALLOWED_HOSTS; '.example.nl' also takes its subdomains) besides
    the host of public_url; see trusted_hosts()."""
    redis_url: str | None = None
    """Rate-limit counters in Redis (PREPCHECK_REDIS_URL, shared by all workers); None: in this process's memory."""
    proxy_hops: int = 0
    """How many reverse proxies in front set X-Forwarded-For/-Proto/-Host (PREPCHECK_PROXY_HOPS); 0: trust none."""
    rate_limit_resume: str = "10 per minute;60 per hour"
    rate_limit_pdf: str = "10 per minute;120 per hour"
    rate_limit_admin: str = "10 per 15 minutes"
    """Wrong admin tokens per client address (an IPv6 /64), before that client is locked out."""
    rate_limit_admin_tenant: str = "100 per 15 minutes"
    """Wrong admin tokens per municipality from all addresses together, before its page is locked for everyone."""
    cache_dir: Path | None = None
    """Where start-up remembers work it need not repeat (PREPCHECK_CACHE_DIR); None: <instance folder>/cache."""
    auto_migrate: bool = True
    """Migrate the database at start (PREPCHECK_AUTO_MIGRATE); off, the app refuses a database not at the newest one."""

    def __post_init__(self) -> None:
        # Overrides may arrive as text (from tests or the CLI); keep paths as Path objects.
        if self.instance_path is not None and not isinstance(self.instance_path, Path):
            object.__setattr__(self, "instance_path", Path(self.instance_path))
        if not isinstance(self.questionnaire_dir, Path):
            object.__setattr__(self, "questionnaire_dir", Path(self.questionnaire_dir))
        if self.tenant_dir is not None and not isinstance(self.tenant_dir, Path):
            object.__setattr__(self, "tenant_dir", Path(self.tenant_dir))
        if self.cache_dir is not None and not isinstance(self.cache_dir, Path):
            object.__setattr__(self, "cache_dir", Path(self.cache_dir))

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def serves_example_tenants(self) -> bool:
        """Whether the shipped example tenants are served (development and demos only, unless asked for)."""
        return not self.is_production if self.include_example_tenants is None else self.include_example_tenants


def _flag(value: str | None) -> bool | None:
    """'1'/'true'/'yes' or '0'/'false'/'no'; anything else (or unset) leaves the default."""
    if value is None or value.strip().lower() not in ("1", "true", "yes", "0", "false", "no"):
        return None
    return value.strip().lower() in ("1", "true", "yes")


def settings_from_env(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Read PREPCHECK_* variables; keyword overrides win (the tests use them)."""
    env = os.environ if environ is None else environ
    settings = Settings(
        environment=env.get("PREPCHECK_ENV", "development"),
        secret_key=env.get("PREPCHECK_SECRET_KEY") or None,
        instance_path=Path(env["PREPCHECK_INSTANCE_PATH"]) if env.get("PREPCHECK_INSTANCE_PATH") else None,
        database_url=env.get("PREPCHECK_DATABASE_URL") or None,
        questionnaire_dir=Path(env["PREPCHECK_QUESTIONNAIRES"])
        if env.get("PREPCHECK_QUESTIONNAIRES")
        else bundled_dir("questionnaires"),
        host=env.get("PREPCHECK_HOST", "127.0.0.1"),
        port=int(env.get("PREPCHECK_PORT", "8000")),
        include_test_questionnaires=env.get("PREPCHECK_INCLUDE_TEST_QUESTIONNAIRES", "") in ("1", "true", "yes"),
        retention_days=int(env.get("PREPCHECK_RETENTION_DAYS", "30")),
        form_token_max_age=int(env.get("PREPCHECK_FORM_TOKEN_SECONDS", str(6 * 3600))),
        pdf_workers=int(env.get("PREPCHECK_PDF_WORKERS", "2")),
        pdf_timeout_seconds=float(env.get("PREPCHECK_PDF_TIMEOUT", "60")),
        pdf_cache_seconds=int(env.get("PREPCHECK_PDF_CACHE_SECONDS", "3600")),
        tenant_dir=Path(env["PREPCHECK_TENANTS"]) if env.get("PREPCHECK_TENANTS") else None,
        include_example_tenants=_flag(env.get("PREPCHECK_INCLUDE_EXAMPLE_TENANTS")),
        public_url=env.get("PREPCHECK_PUBLIC_URL") or None,
        allowed_hosts=tuple(env.get("PREPCHECK_ALLOWED_HOSTS", "").replace(",", " ").split()),
        redis_url=env.get("PREPCHECK_REDIS_URL") or None,
        proxy_hops=int(env.get("PREPCHECK_PROXY_HOPS", "0")),
        rate_limit_resume=env.get("PREPCHECK_RATE_LIMIT_RESUME") or Settings.rate_limit_resume,
        rate_limit_pdf=env.get("PREPCHECK_RATE_LIMIT_PDF") or Settings.rate_limit_pdf,
        rate_limit_admin=env.get("PREPCHECK_RATE_LIMIT_ADMIN") or Settings.rate_limit_admin,
        rate_limit_admin_tenant=env.get("PREPCHECK_RATE_LIMIT_ADMIN_TENANT") or Settings.rate_limit_admin_tenant,
        cache_dir=Path(env["PREPCHECK_CACHE_DIR"]) if env.get("PREPCHECK_CACHE_DIR") else None,
        auto_migrate=_flag(env.get("PREPCHECK_AUTO_MIGRATE")) is not False,
    )
    return replace(settings, **overrides)


def check_public_address(settings: Settings) -> None:
    """Refuse a PREPCHECK_PUBLIC_URL that is no web address, and production without a public address or allowed hosts."""
    if settings.public_url is not None:
        parts = urlsplit(settings.public_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StartupError(
                "PREPCHECK_PUBLIC_URL must be the site's full address, like https://zelftest.example.nl, "
                f"not {settings.public_url!r}"
            )
    if settings.is_production and not settings.public_url and not settings.allowed_hosts:
        raise StartupError(
            "PREPCHECK_PUBLIC_URL (the site's address, like https://zelftest.example.nl) or PREPCHECK_ALLOWED_HOSTS must be "
            "set when PREPCHECK_ENV=production: links and redirects must not come from the Host header a client sends"
        )


def trusted_hosts(settings: Settings) -> tuple[str, ...]:
    """The host names the site answers to; empty: any (development without PREPCHECK_ALLOWED_HOSTS).

    In production, or once allowed hosts are named: those, and the host of PREPCHECK_PUBLIC_URL.
    """
    if not settings.is_production and not settings.allowed_hosts:
        return ()
    public_host = urlsplit(settings.public_url).netloc if settings.public_url else None
    return (*settings.allowed_hosts, *([public_host] if public_host else []))


def instance_folder(settings: Settings) -> Path:
    """The instance folder: PREPCHECK_INSTANCE_PATH, else Flask's default for the package (instance/ in a checkout)."""
    if settings.instance_path is not None:
        return settings.instance_path.resolve()
    from flask import Flask

    return Path(Flask("prepcheck").instance_path)


def private_folder(folder: Path) -> Path:
    """Make the folder if missing, readable by its owner only (it holds answers and keys); an existing one is left."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def database_url(settings: Settings, instance_path: Path | None = None) -> str:
    """PREPCHECK_DATABASE_URL, else the SQLite file in the instance folder (the folder is made if missing)."""
    if settings.database_url:
        return settings.database_url
    folder = private_folder(instance_path or instance_folder(settings))
    return f"sqlite:///{folder / 'prepcheck.sqlite3'}"


def secret_key_problem(key: str) -> str | None:
    """Why a secret key will not do in production (too short, a placeholder, a pattern); None when it will."""
    size = len(key.encode("utf-8"))
    if size < MIN_SECRET_BYTES:
        return f"is {size} byte{'s' if size != 1 else ''} long; production needs at least {MIN_SECRET_BYTES} random bytes"
    word = next((word for word in _PLACEHOLDER_WORDS if word in key.lower()), None)
    if word is not None:
        return f"looks like a placeholder or a phrase (it holds '{word}'), not a random key"
    if _patterned(key):
        return "does not look random: it repeats itself, runs in sequence or uses few different characters"
    return None


_PLACEHOLDER_WORDS = ("secret", "password", "changeme", "change-me", "prepcheck", "example", "replace", "default")
"""Words of keys typed by hand or copied from an example; six letters or more, so no random key holds one by chance."""


def _patterned(key: str) -> bool:
    """Whether the key has a pattern no random generator makes (checked on 10^5 keys of each usual one: none refused)."""
    counts = Counter(key).values()
    bits_per_character = -sum(count / len(key) * math.log2(count / len(key)) for count in counts)
    trigrams = {key[index : index + 3] for index in range(len(key) - 2)}
    steps = sum(1 for before, after in itertools.pairwise(key) if abs(ord(before) - ord(after)) <= 1)
    return bits_per_character < 2.3 or len(trigrams) < 0.7 * (len(key) - 2) or steps > 0.7 * len(key)

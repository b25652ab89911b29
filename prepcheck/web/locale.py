"""The reader's language: from a /nl/-style URL prefix, the tenant, Accept-Language, then Dutch; no cookie."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from gettext import NullTranslations
from typing import Any

from flask import Flask, current_app, g, request
from flask_babel import Babel, Domain, get_locale

from prepcheck.config import DEFAULT_LOCALE, SUPPORTED_LOCALES
from prepcheck.i18n.catalog import translator_for
from prepcheck.services import LANGUAGE_PREFIX_KEY

ENVIRON_KEY = LANGUAGE_PREFIX_KEY
_TRANSLATIONS_KEY = "prepcheck_translations"
# Each language named in itself, so a reader finds their own.
NATIVE_NAMES = {"nl": "Nederlands", "en": "English", "pap": "Papiamentu", "fy": "Frysk"}

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class LocalePrefix:
    """WSGI middleware: /pap/… becomes SCRIPT_NAME /pap and PATH_INFO /…, so every url_for keeps the language."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        first, _, rest = path.lstrip("/").partition("/")
        if first in SUPPORTED_LOCALES and path.startswith(f"/{first}"):
            environ[ENVIRON_KEY] = first
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + f"/{first}"
            environ["PATH_INFO"] = "/" + rest
        return self.app(environ, start_response)


class CatalogDomain(Domain):  # type: ignore[misc]
    """Flask-Babel reads the same catalogs as the PDF and the CLI (compiled from .po when no .mo is current)."""

    def get_translations(self) -> Any:
        return translator_for(str(get_locale() or DEFAULT_LOCALE)).translations


def select_locale() -> str:
    """URL prefix, then the tenant's default (when the app knows one), then Accept-Language, then Dutch."""
    chosen = request.environ.get(ENVIRON_KEY)
    if chosen in SUPPORTED_LOCALES:
        return str(chosen)
    tenant_default = current_app.extensions.get("prepcheck.tenant_locale")
    if tenant_default is not None:
        locale = tenant_default(request)
        if locale in SUPPORTED_LOCALES:
            return str(locale)
    return request.accept_languages.best_match(SUPPORTED_LOCALES) or DEFAULT_LOCALE


def current_locale() -> str:
    """The locale of this request as a plain code."""
    return str(get_locale() or DEFAULT_LOCALE)


@dataclass(frozen=True, slots=True)
class LanguageLink:
    """One entry of the language switch."""

    code: str
    name: str
    url: str
    current: bool


def language_links() -> list[LanguageLink]:
    """The same page in every language: only the prefix changes, so the answers (kept on the server) stay."""
    query = request.query_string.decode("latin-1")
    suffix = f"?{query}" if query else ""
    here = current_locale()
    base = request.environ.get("SCRIPT_NAME", "")
    if request.environ.get(ENVIRON_KEY):
        base = base[: -len(request.environ[ENVIRON_KEY]) - 1]
    return [
        LanguageLink(code, NATIVE_NAMES[code], f"{base}/{code}{request.path}{suffix}", code == here) for code in SUPPORTED_LOCALES
    ]


def _request_translations() -> NullTranslations:
    """This request's catalog, looked up once per request (a page asks for a hundred texts or more)."""
    translations: NullTranslations | None = g.get(_TRANSLATIONS_KEY)
    if translations is None:
        translations = translator_for(current_locale()).translations
        setattr(g, _TRANSLATIONS_KEY, translations)
    return translations


def install(app: Flask) -> None:
    """Wire Flask-Babel to the URL-prefix locale and the shared catalogs."""
    app.wsgi_app = LocalePrefix(app.wsgi_app)  # type: ignore[method-assign]
    babel = Babel(app, locale_selector=select_locale, default_locale=DEFAULT_LOCALE)
    babel.domain_instance = CatalogDomain()
    # The same catalogs as Flask-Babel's callables, without its per-text context lookups: a third of a page's time.
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: _request_translations().gettext(message),
        ngettext=lambda singular, plural, n: _request_translations().ngettext(singular, plural, n),
        pgettext=lambda context, message: _request_translations().pgettext(context, message),
        npgettext=lambda context, singular, plural, n: _request_translations().npgettext(context, singular, plural, n),
        newstyle=True,
    )
    app.context_processor(lambda: {"html_lang": current_locale(), "language_links": language_links})

"""The tenant model: a municipality's name, look, embedding origins, local information and admin token hash."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from prepcheck.tenants.origins import normalise_origin


@dataclass(frozen=True, slots=True)
class Theme:
    """Token values for the CSS custom properties; `colours` holds every colour token, defaults filled in."""

    colours: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    font_stack: str = ""
    radius: str = ""


@dataclass(frozen=True, slots=True)
class Broadcaster:
    """The regional disaster broadcaster to tune to when other channels fail."""

    name: str
    frequency: str | None = None

    @property
    def text(self) -> str:
        """'Radio M Utrecht, 93.1 FM' (for the result page and the PDF)."""
        return f"{self.name}, {self.frequency}" if self.frequency else self.name


@dataclass(frozen=True, slots=True)
class SupportPoint:
    """An emergency support point (noodsteunpunt) residents can go to during a long outage."""

    name: str
    address: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class LocalRisk:
    """A local risk with a link to the municipality's or region's page about it."""

    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class LocalInfo:
    """What residents of this municipality need to know in a crisis."""

    emergency_number: str
    safety_region: str | None = None
    broadcaster: Broadcaster | None = None
    non_emergency_number: str | None = None
    support_points: tuple[SupportPoint, ...] = ()
    risks: tuple[LocalRisk, ...] = ()
    contact_url: str | None = None


@dataclass(frozen=True, slots=True)
class Tenant:
    """One municipality or safety region that offers the check, loaded from its folder."""

    slug: str
    name: str
    folder: Path
    theme: Theme
    default_language: str
    questionnaires: tuple[str, ...]
    local: LocalInfo
    privacy_contact: str
    allowed_origins: tuple[str, ...] = ()
    logo: Path | None = None
    admin_token_sha256: str | None = None

    @property
    def logo_asset_key(self) -> str | None:
        """The name the PDF fetcher serves the logo under (`prepcheck-asset:<key>`)."""
        return f"tenants/{self.slug}/{self.logo.name}" if self.logo is not None else None

    @property
    def privacy_contact_href(self) -> str:
        """A link target for the privacy contact: mailto: for an e-mail address, else the URL."""
        return self.privacy_contact if "://" in self.privacy_contact else f"mailto:{self.privacy_contact}"

    def frame_ancestors(self) -> str:
        """The value of `Content-Security-Policy: frame-ancestors` for this tenant's embed pages."""
        return " ".join(self.allowed_origins) if self.allowed_origins else "'none'"

    def allows_origin(self, origin: str | None) -> bool:
        """Whether a browser-sent origin (Origin header, postMessage event.origin) is one of the allowed ones."""
        if not origin:
            return False
        try:
            return normalise_origin(origin) in self.allowed_origins
        except ValueError:
            return False

    def offers(self, questionnaire_id: str) -> bool:
        """Whether this tenant offers the questionnaire."""
        return questionnaire_id in self.questionnaires

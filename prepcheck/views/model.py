"""What a reader sees of an assessment, typed: the result, its domains, actions, quantities, sources, local facts.

Field names are the members of the API's JSON (prepcheck.views.documents turns a view into its document and
its schema), so renaming a field changes the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from prepcheck.config import SUPPORTED_LOCALES
from prepcheck.engine.model import CostBand, Timeframe
from prepcheck.views.documents import SchemaHint

Locale = Annotated[str, SchemaHint(enum=SUPPORTED_LOCALES)]
Direction = Literal["better", "worse", "same", "new", "gone"]


@dataclass(frozen=True, slots=True)
class QuestionnaireTitleView:
    """Which questionnaire, in which version, under its translated title."""

    id: str
    version: int
    title: str


@dataclass(frozen=True, slots=True)
class LostPointsView:
    """One answer that cost its domain points, in words."""

    question: str
    question_text: str
    answer: str
    points_lost: float
    points_lost_formatted: str


@dataclass(frozen=True, slots=True)
class DomainResultView:
    """A domain's score and level, and why it is not higher."""

    id: str
    title: str
    applies: bool
    score: int
    level: str
    level_title: str
    capped_by: tuple[str, ...]
    """The questions whose critical answers hold the domain at the lowest level."""
    held_below: str | None
    """The gate question that keeps the domain below the next level, if any."""
    lost: tuple[LostPointsView, ...]


@dataclass(frozen=True, slots=True)
class QuantityView:
    """An amount worked out for these answers, with its unit, and written out in the reader's language."""

    id: str
    label: str
    value: float
    unit: str
    formatted: str


@dataclass(frozen=True, slots=True)
class ActionView:
    """One step of the plan, with its labels in the reader's language."""

    id: str
    critical: bool
    title: str
    text: str
    why: str
    timeframe: Timeframe
    timeframe_label: str
    impact: int
    effort: int
    cost: CostBand | None
    cost_label: str | None
    owner: str | None
    owner_title: str | None
    domain: str | None
    section: str
    triggered_by: tuple[str, ...]
    quantities: tuple[QuantityView, ...]
    sources: tuple[str, ...]
    """The ids of the sources behind the advice (each listed once in ResultView.sources)."""


@dataclass(frozen=True, slots=True)
class SourceView:
    """A publication that advice rests on."""

    id: str
    title: str
    url: str
    publisher: str


@dataclass(frozen=True, slots=True)
class ResultView:
    """Everything a reader sees of one assessment, in one language."""

    questionnaire: QuestionnaireTitleView
    locale: Locale
    score: Annotated[int, SchemaHint(minimum=0, maximum=100)]
    level: str
    level_title: str
    domains: tuple[DomainResultView, ...]
    actions: tuple[ActionView, ...]
    quantities: tuple[QuantityView, ...]
    sources: tuple[SourceView, ...]


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One domain (or the whole check, with domain None) last time and now."""

    domain: str | None
    score_before: int | None
    score_after: int | None
    score_change: int | None
    level_before: str | None
    level_after: str | None
    direction: Direction


@dataclass(frozen=True, slots=True)
class ComparisonView:
    """What changed since last time: the whole check and each domain."""

    overall: ChangeView
    domains: tuple[ChangeView, ...]


@dataclass(frozen=True, slots=True)
class SupportPointView:
    """An emergency support point residents can go to."""

    name: str
    address: str | None
    description: str | None


@dataclass(frozen=True, slots=True)
class LocalRiskView:
    """A local risk, with a link to more about it."""

    title: str
    url: str | None


@dataclass(frozen=True, slots=True)
class MunicipalityView:
    """A municipality's own local information, printed on a page of its own in the plan."""

    name: str
    safety_region: str | None
    broadcaster: str | None
    emergency_number: str
    non_emergency_number: str | None
    support_points: tuple[SupportPointView, ...]
    risks: tuple[LocalRiskView, ...]
    contact_url: str | None


@dataclass(frozen=True, slots=True)
class PlanCardView:
    """The printed fill-in plan in the reader's language, worded for this household."""

    title: str
    intro: str
    rows: tuple[str, ...]
    """The lines to fill in."""


@dataclass(frozen=True, slots=True)
class LocalInfoView:
    """Local facts for the plan: the emergency radio line, and a municipality's page when a tenant gives one."""

    radio: str | None = None
    """'SXMGOV Radio, 107.9 FM': the tenant's broadcaster, else the island's station for where the household lives."""
    municipality: MunicipalityView | None = None

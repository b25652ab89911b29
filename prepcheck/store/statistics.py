"""Anonymous statistics per tenant: counters by questionnaire and month, kept apart from the responses, in clear.

Nothing here can lead back to a response: there is one counter per (tenant, questionnaire, month, figure, item,
level), never a row per check, and no id, answer, time of day or address.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, Integer, String, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column, sessionmaker

from prepcheck.engine import Assessment
from prepcheck.store.tables import Base

CHECKS = "checks"
OVERALL = "overall"
DOMAIN = "domain"
ACTION = "action"


class StatisticRow(Base):
    """One counter: how many completed checks of a tenant and questionnaire in a month had this figure."""

    __tablename__ = "check_statistics"

    tenant: Mapped[str] = mapped_column(String(64), primary_key=True)
    questionnaire: Mapped[str] = mapped_column(String(64), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    figure: Mapped[str] = mapped_column(String(16), primary_key=True)
    item: Mapped[str] = mapped_column(String(128), primary_key=True)
    level: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


@dataclass(frozen=True, slots=True)
class CheckFigures:
    """What one completed check adds: levels and the actions given, nothing that names the person."""

    tenant: str
    questionnaire: str
    month: str
    """'YYYY-MM'."""
    overall_level: str
    domain_levels: tuple[tuple[str, str], ...]
    """(domain id, level id) for each domain that applied."""
    actions: tuple[str, ...]

    def counters(self) -> Iterable[tuple[str, str, str]]:
        """(figure, item, level) of every counter this check raises by one."""
        yield CHECKS, "", ""
        yield OVERALL, "", self.overall_level
        for domain_id, level_id in self.domain_levels:
            yield DOMAIN, domain_id, level_id
        for action_id in sorted(set(self.actions)):
            yield ACTION, action_id, ""


Counts = dict[tuple[str, str, str, str], int]
"""(questionnaire, figure, item, level) -> number of checks."""


class StatisticsStore:
    """Adds a completed check's figures and sums them per tenant over a period of months."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine)

    def add(self, figures: CheckFigures) -> None:
        """Raise each counter of this check by one (in one transaction; retried once if two checks race to insert)."""
        for attempt in (1, 2):
            try:
                self._add_once(figures)
                return
            except IntegrityError:
                if attempt == 2:
                    raise

    def _add_once(self, figures: CheckFigures) -> None:
        with self._sessions.begin() as session:
            for figure, item, level in figures.counters():
                key = {
                    "tenant": figures.tenant,
                    "questionnaire": figures.questionnaire,
                    "month": figures.month,
                    "figure": figure,
                    "item": item,
                    "level": level,
                }
                result = session.execute(
                    update(StatisticRow)
                    .where(*(getattr(StatisticRow, name) == value for name, value in key.items()))
                    .values(count=StatisticRow.count + 1)
                )
                if result.rowcount == 0:  # type: ignore[attr-defined]
                    session.add(StatisticRow(**key, count=1))
                    session.flush()

    def counts(self, tenant: str, first_month: str, last_month: str) -> Counts:
        """The summed counters of a tenant from `first_month` to `last_month` ('YYYY-MM', both included)."""
        query = (
            select(
                StatisticRow.questionnaire,
                StatisticRow.figure,
                StatisticRow.item,
                StatisticRow.level,
                func.sum(StatisticRow.count),
            )
            .where(StatisticRow.tenant == tenant, StatisticRow.month >= first_month, StatisticRow.month <= last_month)
            .group_by(StatisticRow.questionnaire, StatisticRow.figure, StatisticRow.item, StatisticRow.level)
        )
        with self._sessions() as session:
            return {(q, figure, item, level): int(total) for q, figure, item, level, total in session.execute(query)}


def figures_for(tenant: str, assessment: Assessment, day: dt.date) -> CheckFigures:
    """What a completed check adds to its tenant's statistics: its month, levels and actions only."""
    return CheckFigures(
        tenant=tenant,
        questionnaire=assessment.questionnaire_id,
        month=f"{day.year:04d}-{day.month:02d}",
        overall_level=assessment.level_id,
        domain_levels=tuple((domain.domain_id, domain.level_id) for domain in assessment.domains if domain.applies),
        actions=tuple(action.action_id for action in assessment.actions),
    )

"""A tenant's statistics as translated tables, with every figure from fewer than 10 checks suppressed; also as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from prepcheck.engine import Questionnaire
from prepcheck.store.statistics import ACTION, CHECKS, DOMAIN, OVERALL, Counts
from prepcheck.views.present import N_, AssessmentPresenter

MIN_GROUP = 10
"""No figure from fewer checks than this is shown, in the page or the CSV."""
TOP_ACTIONS = 10


@dataclass(frozen=True, slots=True)
class Cell:
    """A number of checks and its share of the row; both None when suppressed."""

    count: int | None
    share: int | None
    """Whole per cent of the row's checks."""


@dataclass(frozen=True, slots=True)
class LevelRow:
    """How the checks of a row (all, or those where a domain applied) spread over the levels."""

    item: str
    title: str
    base: int | None
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class ActionRow:
    """An action and how many of the checks were given it."""

    item: str
    title: str
    cell: Cell


@dataclass(frozen=True, slots=True)
class QuestionnaireStatistics:
    """One questionnaire's figures for the chosen period."""

    questionnaire_id: str
    title: str
    checks: int | None
    levels: tuple[tuple[str, str], ...]
    """(level id, title), lowest first."""
    overall: LevelRow
    domains: tuple[LevelRow, ...]
    actions: tuple[ActionRow, ...]


def _share(count: int, base: int) -> int:
    return round(100 * count / base) if base else 0


def suppress_row(counts: list[int]) -> list[bool]:
    """Which cells of a row to hide: every count from 1 to 9, and then the smallest others until the hidden cells
    together hold at least MIN_GROUP checks, so no small group can be worked out from the row's total."""
    hidden = [0 < count < MIN_GROUP for count in counts]
    if not any(hidden):
        return hidden
    order = sorted(range(len(counts)), key=lambda index: counts[index])
    while sum(count for count, hide in zip(counts, hidden) if hide) < MIN_GROUP and not all(hidden):
        index = next(index for index in order if not hidden[index])
        hidden[index] = True
    return hidden


def _level_row(item: str, title: str, base: int, counts: list[int]) -> LevelRow:
    if base < MIN_GROUP:
        return LevelRow(item, title, None, tuple(Cell(None, None) for _ in counts))
    hidden = suppress_row(counts)
    cells = tuple(Cell(None, None) if hide else Cell(count, _share(count, base)) for count, hide in zip(counts, hidden))
    return LevelRow(item, title, base, cells)


def questionnaire_statistics(questionnaire: Questionnaire, counts: Counts, locale: str) -> QuestionnaireStatistics:
    """The figures of one questionnaire from the summed counters, suppressed where a group is too small."""
    presenter = AssessmentPresenter(questionnaire, locale)
    qid = questionnaire.id
    levels = tuple((level.id, presenter.text("level", level.id, "title", level.title)) for level in questionnaire.levels)
    checks = counts.get((qid, CHECKS, "", ""), 0)
    title = presenter.text("questionnaire", qid, "title", questionnaire.title)
    overall_counts = [counts.get((qid, OVERALL, "", level_id), 0) for level_id, _ in levels]
    overall = _level_row("", presenter.ui(N_("All checks")), checks, overall_counts)
    domains = []
    for domain in questionnaire.domains:
        domain_counts = [counts.get((qid, DOMAIN, domain.id, level_id), 0) for level_id, _ in levels]
        domain_title = presenter.text("domain", domain.id, "title", domain.title)
        domains.append(_level_row(domain.id, domain_title, sum(domain_counts), domain_counts))
    actions: list[ActionRow] = []
    if checks >= MIN_GROUP:
        given = sorted(
            ((count, item) for (q, figure, item, _level), count in counts.items() if q == qid and figure == ACTION),
            key=lambda pair: (-pair[0], pair[1]),
        )
        for count, item in given:
            if count < MIN_GROUP or len(actions) == TOP_ACTIONS or item not in questionnaire.actions_by_id:
                continue
            action = questionnaire.actions_by_id[item]
            action_title = presenter.text("action", item, "title", action.title)
            actions.append(ActionRow(item, action_title, Cell(count, _share(count, checks))))
    return QuestionnaireStatistics(
        qid, title, checks if checks >= MIN_GROUP else None, levels, overall, tuple(domains), tuple(actions)
    )


def tenant_statistics(
    questionnaires: Iterable[Questionnaire], offered: Collection[str], counts: Counts, locale: str
) -> list[QuestionnaireStatistics]:
    """The figures of every questionnaire the tenant offers."""
    return [questionnaire_statistics(q, counts, locale) for q in questionnaires if q.id in offered]


def _csv_count(cell: Cell) -> str:
    return f"<{MIN_GROUP}" if cell.count is None else str(cell.count)


def _csv_share(cell: Cell) -> str:
    return "" if cell.share is None else str(cell.share)


def _safe(text: str) -> str:
    """Keep spreadsheet programs from reading a title as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def statistics_csv(tables: list[QuestionnaireStatistics], first_month: str, last_month: str) -> str:
    """The same figures as the page, one per line, with the same suppression."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["from", "to", "questionnaire", "figure", "item", "item_title", "level", "level_title", "checks", "percent"])
    for table in tables:
        period = [first_month, last_month, table.questionnaire_id]
        checks = Cell(table.checks, None)
        writer.writerow([*period, CHECKS, "", "", "", "", _csv_count(checks), ""])
        for figure, rows in ((OVERALL, [table.overall]), (DOMAIN, list(table.domains))):
            for row in rows:
                for (level_id, level_title), cell in zip(table.levels, row.cells):
                    writer.writerow(
                        [
                            *period,
                            figure,
                            row.item,
                            _safe(row.title),
                            level_id,
                            _safe(level_title),
                            _csv_count(cell),
                            _csv_share(cell),
                        ]
                    )
        for action in table.actions:
            writer.writerow(
                [*period, ACTION, action.item, _safe(action.title), "", "", _csv_count(action.cell), _csv_share(action.cell)]
            )
    return out.getvalue()

"""The per-domain bar chart's rows: score, level and a grey fill per level, so it reads in black and white.

The chart is an HTML table (templates/report/chart.html): its figures are its text, for readers and screen
readers alike, and it costs the renderer a fraction of what SVG text does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prepcheck.views.model import DomainResultView

# Grey levels per level position (lowest first), so the chart still reads when printed in black and white.
LEVEL_FILLS = ("#ffffff", "#9a9a9a", "#3a3a3a", "#000000")
MIN_BAR_PERCENT = 1
"""A score of 0 still shows a sliver of bar, so an empty bar does not look like a missing one."""


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One domain's bar: its title, score (the bar's length in percent), level and fill."""

    title: str
    score: int
    level_title: str
    fill: str

    @property
    def bar_percent(self) -> int:
        return max(MIN_BAR_PERCENT, min(100, self.score))


def chart_rows(domains: Sequence[DomainResultView], level_ids: Sequence[str]) -> list[ChartRow]:
    """A row per domain that applies, the fill darker for each higher level."""
    rows = []
    for domain in domains:
        if not domain.applies:
            continue
        position = level_ids.index(domain.level) if domain.level in level_ids else 0
        fill = LEVEL_FILLS[min(position + (len(LEVEL_FILLS) - len(level_ids)), len(LEVEL_FILLS) - 1)]
        rows.append(ChartRow(domain.title, domain.score, domain.level_title, fill))
    return rows

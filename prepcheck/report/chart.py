"""The per-domain bar chart as inline SVG, with its figures as a text alternative; readable in black and white."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from prepcheck.views.model import DomainResultView

BAR_HEIGHT = 16
BAR_STROKE = 'stroke="#000000" stroke-width="0.6"'
ROW_HEIGHT = 30
LABEL_WIDTH = 210
BAR_WIDTH = 220
VALUE_WIDTH = 200
LINE_HEIGHT = 13
# Grey levels per level position (lowest first), so the chart still reads when printed in black and white.
LEVEL_FILLS = ("#ffffff", "#9a9a9a", "#3a3a3a", "#000000")


def chart_description(domains: Sequence[DomainResultView], heading: str) -> str:
    """The chart's figures in one sentence, for the SVG title and screen readers."""
    parts = [f"{domain.title}: {domain.level_title} ({domain.score}/100)" for domain in domains]
    return f"{heading}. " + "; ".join(parts) + "."


def _wrap(text: str, width: int = 30) -> list[str]:
    """Split a label into lines of at most about `width` characters (SVG text does not wrap by itself)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def domain_chart_svg(domains: Sequence[DomainResultView], level_ids: Sequence[str], heading: str) -> Markup:
    """Horizontal bars of 0–100 per domain, the level written next to each bar."""
    shown = [domain for domain in domains if domain.applies]
    rows = []
    y = 5
    for domain in shown:
        label_lines = _wrap(domain.title, 34)
        row_height = ROW_HEIGHT + LINE_HEIGHT * (len(label_lines) - 1)
        position = level_ids.index(domain.level) if domain.level in level_ids else 0
        fill = LEVEL_FILLS[min(position + (len(LEVEL_FILLS) - len(level_ids)), len(LEVEL_FILLS) - 1)]
        bar = max(2, round(BAR_WIDTH * domain.score / 100))
        label = "".join(
            f'<tspan x="0" dy="{0 if index == 0 else LINE_HEIGHT}">{escape(line)}</tspan>'
            for index, line in enumerate(label_lines)
        )
        rows.append(
            f'<text x="0" y="{y + 12}" class="chart-label" font-family="Open Sans" font-size="10.5">{label}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" fill="#ffffff" {BAR_STROKE}/>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" fill="{fill}" {BAR_STROKE}/>'
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{y + 12}" class="chart-value" font-family="Open Sans" font-size="10.5">'
            f"{domain.score} · {escape(domain.level_title)}</text>"
        )
        y += row_height
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    description = escape(chart_description(shown, heading))
    # Safe: every text put into the SVG above went through escape(); the rest are numbers and constants.
    return Markup(  # noqa: S704
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {y + 5}" '
        f'width="{width}" height="{y + 5}" class="domain-chart">'
        f"<title>{description}</title>{''.join(rows)}</svg>"
    )

"""Horizontal bar charts as inline SVG, drawn at build time (no JavaScript, no library).

Each row is a label with its value written out above its bar, so a chart reads
the same without colour; bar lengths are percentages of the chart's width and
text keeps its CSS size, so a chart fits any width down to 320 px. The SVG is
an image with an accessible name (<title>) and description (<desc>); the page
puts the same numbers in a table beside it. Output depends only on the input:
the same rows give the same bytes. Everything written in is escaped.
"""

from __future__ import annotations

from markupsafe import Markup

ROW_HEIGHT = 40  # px: a label line, then the bar
LABEL_BASELINE = 15  # px below the row's top
BAR_TOP = 21  # px below the row's top
BAR_HEIGHT = 12  # px
BAR_SPAN = 100  # percent of the width the longest bar takes


def percent(value: int, largest: int) -> str:
    """A bar's length as a percentage of the chart's width, at most two decimals."""
    if largest <= 0 or value <= 0:
        return "0"
    return f"{value * BAR_SPAN / largest:.2f}".rstrip("0").rstrip(".")


def bar_chart(chart_id: str, title: str, description: str, rows: list[tuple[str, int]]) -> Markup:
    """An SVG bar chart: `rows` are (label, value), drawn in the order given.

    `chart_id` names the chart's <title> and <desc> (`<id>-title`, `<id>-desc`):
    it must be unique on the page.
    """
    largest = max((value for _, value in rows), default=0)
    height = max(len(rows), 1) * ROW_HEIGHT
    parts = [
        Markup(
            '<svg class="chart" role="img" aria-labelledby="{id}-title {id}-desc" width="100%" '
            'height="{h}" xmlns="http://www.w3.org/2000/svg">'
            '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        ).format(id=chart_id, h=height, title=title, desc=description)
    ]
    for index, (label, value) in enumerate(rows):
        top = index * ROW_HEIGHT
        parts.append(
            Markup(
                '<g><text x="0" y="{y}" class="chart-label">{label}<tspan class="chart-value" dx="6">'
                '{value}</tspan></text><rect class="chart-track" x="0" y="{bar}" width="100%" height="{bh}"/>'
                '<rect class="chart-bar" x="0" y="{bar}" width="{w}%" height="{bh}"/></g>'
            ).format(
                y=top + LABEL_BASELINE,
                label=label,
                value=value,
                bar=top + BAR_TOP,
                bh=BAR_HEIGHT,
                w=percent(value, largest),
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)

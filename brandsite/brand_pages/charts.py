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
LINE_HEIGHT = 18  # px: each further line of a long label
LABEL_BASELINE = 15  # px below the row's top
BAR_TOP = 21  # px below the row's top (after the label's first line)
BAR_HEIGHT = 12  # px
BAR_SPAN = 100  # percent of the width the longest bar takes
LINE_EMS = 18  # a label line at most this wide (in em), value after it: fits 288 px of chart text


def ems(text: str) -> float:
    """About how wide `text` is, in em: CJK characters are square, others about half."""
    return sum(1.0 if ord(char) >= 0x2E80 else 0.6 for char in text)


def label_lines(label: str, limit: float = LINE_EMS) -> list[str]:
    """`label` in lines of at most `limit` em: broken at spaces, or anywhere in CJK text."""
    lines: list[str] = []
    line = ""
    for word in _words(label):
        if line and ems(line + word) > limit:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    return [*lines, line.rstrip()] if line or not lines else lines


def _words(text: str) -> list[str]:
    """Pieces a line may break before: each CJK character, or a Latin word with its space."""
    words: list[str] = []
    for char in text:
        if words and not (char.isspace() or ord(char) >= 0x2E80 or ord(words[-1][-1]) >= 0x2E80):
            words[-1] += char
        else:
            words.append(char)
    return words


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
    drawn, top = [], 0
    for label, value in rows:
        lines = label_lines(str(label))
        drawn.append(_row(top, lines, value, percent(value, largest)))
        top += ROW_HEIGHT + (len(lines) - 1) * LINE_HEIGHT
    head = Markup(
        '<svg class="chart" role="img" aria-labelledby="{id}-title {id}-desc" width="100%" '
        'height="{h}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
    ).format(id=chart_id, h=top or ROW_HEIGHT, title=title, desc=description)
    return head + Markup("").join(drawn) + Markup("</svg>")


def _row(top: int, lines: list[str], value: int, width: str) -> Markup:
    """A label (each line a <tspan>, the value after its last), then a bar and its track."""
    spans = Markup("").join(
        Markup('<tspan x="0" dy="{dy}">{line}</tspan>').format(dy=LINE_HEIGHT if index else 0, line=line)
        for index, line in enumerate(lines)
    )
    bar = top + BAR_TOP + (len(lines) - 1) * LINE_HEIGHT
    return Markup(
        '<g><text x="0" y="{y}" class="chart-label">{spans}<tspan class="chart-value" dx="6">{value}</tspan>'
        '</text><rect class="chart-track" x="0" y="{bar}" width="100%" height="{bh}"/>'
        '<rect class="chart-bar" x="0" y="{bar}" width="{w}%" height="{bh}"/></g>'
    ).format(y=top + LABEL_BASELINE, spans=spans, value=value, bar=bar, bh=BAR_HEIGHT, w=width)

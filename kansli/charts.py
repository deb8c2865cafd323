"""Charts drawn on the server as SVG, for the pages where people would rather look than read
(budget against outcome, assignment status, execution over time).

A chart is grouped bars: one group per category (a month, a status), one bar per series
(budget, outcome). The SVG is an image with its own title and description (role="img",
<title>, <desc>), and the page shows the same numbers as a table beside it, so that nothing
is told by the picture alone (WCAG 2.1 1.1.1, 1.4.1). `svg_bars` is pure Python; `Chart`
renders the figure and its table with a template, `{{ chart }}` on a page.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

Number = int | float | Decimal

# Colours with at least 3:1 contrast against white and against each other's neighbours
# (WCAG 2.1 1.4.11); each series is also named in the legend and the table.
COLOURS = ("#0b5394", "#b35900", "#2e7d32", "#7b1fa2", "#4a5560", "#a4161a")
WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 64, 12, 28, 44


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number]


def _step(span: float) -> float:
    """A round step for about four grid lines over the span: 1, 2 or 5 times a power of ten."""
    raw = span / 4 or 1
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _number(value: float) -> str:
    """A grid label as Swedes write it: a space between thousands, a comma for decimals."""
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    return text.replace(",", " ").replace(".", ",")


def svg_bars(
    *, title: str, description: str, categories: Sequence[str], series: Sequence[Series]
) -> str:
    """Grouped bars as an SVG element, with a value axis from the lowest to the highest value
    (zero included) and a legend of the series."""
    values = [float(value) for row in series for value in row.values] or [0.0]
    step = _step(max(max(values), 0) - min(min(values), 0))
    low = math.floor(min(min(values), 0) / step) * step
    high = max(math.ceil(max(max(values), 0) / step) * step, low + step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + plot_h * (high - value) / (high - low)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{{id}}-title {{id}}-desc" class="chart" '
        f'font-size="12" font-family="sans-serif">',
        f'<title id="{{id}}-title">{escape(title)}</title>',
        f'<desc id="{{id}}-desc">{escape(description)}</desc>',
    ]
    ticks = round((high - low) / step)
    for n in range(ticks + 1):
        value = low + n * step
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="{"#1b1f24" if value == 0 else "#c9d1d9"}"/>'
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="#1b1f24">'
            f"{_number(value)}</text>"
        )
    group_w = plot_w / max(len(categories), 1)
    bar_w = group_w * 0.8 / max(len(series), 1)
    for index, category in enumerate(categories):
        x0 = LEFT + index * group_w + group_w * 0.1
        for number, row in enumerate(series):
            value = float(row.values[index])
            top, bottom = sorted((y(value), y(0)))
            parts.append(
                f'<rect x="{x0 + number * bar_w:.1f}" y="{top:.1f}" width="{bar_w * 0.92:.1f}" '
                f'height="{bottom - top:.1f}" fill="{COLOURS[number % len(COLOURS)]}">'
                f"<title>{escape(f'{category}, {row.name}: {_number(value)}')}</title></rect>"
            )
        parts.append(
            f'<text x="{x0 + group_w * 0.4:.1f}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle" fill="#1b1f24">{escape(category)}</text>'
        )
    for number, row in enumerate(series):
        x = LEFT + number * 150
        parts.append(
            f'<rect x="{x}" y="8" width="12" height="12" fill="{COLOURS[number % len(COLOURS)]}"/>'
            f'<text x="{x + 18}" y="18" fill="#1b1f24">{escape(row.name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Chart:
    """A chart and its table: `{{ chart }}` in a template renders both. `key` makes the ids
    of the SVG's title and description unique on the page."""

    key: str
    title: str
    description: str
    categories: Sequence[str]
    series: Sequence[Series]
    unit: str = ""

    @property
    def rows(self) -> list[tuple[str, list[Number]]]:
        """The table's rows: each category with its value in every series."""
        return [
            (category, [row.values[index] for row in self.series])
            for index, category in enumerate(self.categories)
        ]

    @property
    def svg(self) -> SafeString:
        drawn = svg_bars(
            title=self.title,
            description=self.description,
            categories=self.categories,
            series=self.series,
        )
        # Every text in the drawing is escaped by svg_bars; the key is the page's own.
        return mark_safe(drawn.replace("{id}", escape(self.key)))  # noqa: S308

    def __html__(self) -> SafeString:
        return mark_safe(render_to_string("web/includes/chart.html", {"chart": self}))  # noqa: S308

    def __str__(self) -> str:
        return self.__html__()


def bar_chart(
    *,
    key: str,
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[Series],
    unit: str = "",
) -> Chart:
    """A grouped bar chart with its data table, e.g. budget and outcome per month."""
    if any(len(row.values) != len(categories) for row in series):
        raise ValueError("every series needs one value per category")
    return Chart(key, title, description, categories, series, unit)

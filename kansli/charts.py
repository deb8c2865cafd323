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
# The drawing is 400 units wide and shown at most 32rem wide (kansli.css): on a 375 px phone,
# 335 px of content, a unit is 0.84 px and the 16-unit text 13.4 px; on a wide screen 20 px.
# The bars run across, one band per category with its name on a line of its own above them,
# so that long names (organisations) need neither rotation nor clipping at any width.
WIDTH = 400
FONT_SIZE = 16
# What a glyph of the sans-serif takes on average, as a share of the font size: enough to
# keep labels inside the drawing and apart from each other.
GLYPH = 0.62
BAR, BAR_GAP, BAND_GAP = 16, 3, 12
LINE = round(FONT_SIZE * 1.35)
MAX_CHARS = int(WIDTH / (FONT_SIZE * GLYPH))


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number]


def text_width(text: str) -> float:
    """About how wide a label is drawn, in the drawing's units."""
    return len(text) * FONT_SIZE * GLYPH


def _step(span: float, ticks: int = 4) -> float:
    """A round step for about `ticks` grid lines over the span: 1, 2 or 5 times a power of ten."""
    raw = span / ticks or 1
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


# Swedish typography (Språkrådet; CLDR's sv): a no-break space between groups of thousands,
# a decimal comma and a true minus sign, so that "44 000 000 kr" never breaks across lines.
THOUSANDS = "\u00a0"
MINUS = "\u2212"


def swedish_number(value: Number, decimals: int | None = None) -> str:
    """A number as Swedes write it: 44000000 → "44 000 000", -1234.5 → "−1 234,50".
    Without `decimals`, whole numbers have none and others two."""
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if decimals is None:
        decimals = 0 if number == number.to_integral_value() else 2
    text = f"{abs(number):,.{decimals}f}"
    text = text.replace(",", THOUSANDS).replace(".", ",")
    return f"{MINUS}{text}" if number < 0 and text.strip("0,\u00a0") else text


def _number(value: float) -> str:
    """A grid label as Swedes write it: a space between thousands, a comma for decimals."""
    return swedish_number(value, 0 if value == int(value) else 1)


def _lines(text: str) -> list[str]:
    """A category's name in lines that fit the drawing's width, broken between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= MAX_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word[:MAX_CHARS])
    return lines or [""]


def _scale(low: float, high: float) -> tuple[float, float, float]:
    """The value axis: its ends and step, with as many grid lines as their labels have room
    for side by side (at least the two ends)."""
    span = high - low
    for ticks in (4, 3, 2, 1):
        step = _step(span, ticks)
        start = math.floor(low / step) * step
        end = max(math.ceil(high / step) * step, start + step)
        labels = [_number(start + n * step) for n in range(round((end - start) / step) + 1)]
        room = WIDTH / max(len(labels) - 1, 1)
        if ticks == 1 or max(text_width(label) for label in labels) + 8 <= room:
            return start, end, step
    raise AssertionError("unreachable")  # pragma: no cover


def svg_bars(
    *, title: str, description: str, categories: Sequence[str], series: Sequence[Series]
) -> str:
    """Grouped bars as an SVG element, drawn across: one band per category, its name above
    its bars; a value axis from the lowest to the highest value (zero included) at the foot,
    and a legend of the series at the head."""
    values = [float(value) for row in series for value in row.values] or [0.0]
    low, high, step = _scale(min(min(values), 0), max(max(values), 0))
    left, right = 2.0, WIDTH - 2.0

    def x(value: float) -> float:
        return left + (right - left) * (value - low) / (high - low)

    parts: list[str] = []
    y = 0.0
    for number, row in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        parts.append(
            f'<rect x="0" y="{y + 3:.1f}" width="14" height="14" fill="{colour}"/>'
            f'<text x="20" y="{y + 15:.1f}" fill="#1b1f24">{escape(row.name)}</text>'
        )
        y += LINE
    top = y = y + BAND_GAP / 2
    bands: list[str] = []
    for index, category in enumerate(categories):
        lines = _lines(category)
        for line in lines:
            y += LINE
            bands.append(f'<text x="0" y="{y - 4:.1f}" fill="#1b1f24">{escape(line)}</text>')
        for number, row in enumerate(series):
            value = float(row.values[index])
            start, end = sorted((x(value), x(0)))
            bands.append(
                f'<rect x="{start:.1f}" y="{y:.1f}" width="{end - start:.1f}" height="{BAR}" '
                f'fill="{COLOURS[number % len(COLOURS)]}">'
                f"<title>{escape(f'{category}, {row.name}: {_number(value)}')}</title></rect>"
            )
            y += BAR + BAR_GAP
        y += BAND_GAP
    bottom = y
    ticks = round((high - low) / step)
    for n in range(ticks + 1):
        value = low + n * step
        anchor = "start" if n == 0 else "end" if n == ticks else "middle"
        parts.append(
            f'<line x1="{x(value):.1f}" x2="{x(value):.1f}" y1="{top:.1f}" y2="{bottom:.1f}" '
            f'stroke="{"#1b1f24" if value == 0 else "#c9d1d9"}"/>'
            f'<text x="{x(value):.1f}" y="{bottom + LINE:.1f}" text-anchor="{anchor}" '
            f'fill="#1b1f24">{_number(value)}</text>'
        )
    height = math.ceil(bottom + LINE + 6)
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{{id}}-title {{id}}-desc" class="chart" '
        f'font-size="{FONT_SIZE}" font-family="sans-serif">',
        f'<title id="{{id}}-title">{escape(title)}</title>',
        f'<desc id="{{id}}-desc">{escape(description)}</desc>',
    ]
    return "".join([*head, *parts, *bands, "</svg>"])


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

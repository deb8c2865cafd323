"""Charts are SVG images with a title and a description, drawn to scale, escaped, readable on
a 375 px phone (text of 12 px or more, no label cut off), and shown with the same numbers as a
table."""

import itertools
from decimal import Decimal
from xml.etree import ElementTree

import pytest

from kansli.charts import Series, bar_chart, svg_bars, text_width

SVG = "{http://www.w3.org/2000/svg}"
# A 375 px phone shows 335 px of content (kansli.css: .wrap's padding of 1.25rem each side);
# a wide screen at most 32rem of chart (svg.chart).
PHONE_CONTENT = 375 - 2 * 20
WIDE = 32 * 16
MINUS = "\u2212"


def drawn(**changes: object) -> ElementTree.Element:
    arguments = {
        "title": "Budget och utfall",
        "description": "Budget och utfall per månad 2026",
        "categories": ["jan", "feb"],
        "series": [Series("Budget", [100, 200]), Series("Utfall", [Decimal(50), Decimal(-100)])],
    }
    return ElementTree.fromstring(svg_bars(**(arguments | changes)))  # noqa: S314 (our own SVG)


def test_chart_is_an_image_with_a_title_and_a_description() -> None:
    svg = drawn()
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Budget och utfall"
    assert svg.find(f"{SVG}desc").text == "Budget och utfall per månad 2026"


def test_bars_are_drawn_to_scale_from_zero() -> None:
    bars = [rect for rect in drawn().iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
    widths = {rect.find(f"{SVG}title").text: float(rect.get("width")) for rect in bars}

    assert widths["feb, Budget: 200"] == pytest.approx(2 * widths["jan, Budget: 100"], 0.01)
    assert widths[f"feb, Utfall: {MINUS}100"] == pytest.approx(widths["jan, Budget: 100"], 0.01)


def test_text_in_a_chart_is_escaped() -> None:
    svg = drawn(categories=["<script>", "b&c"])
    labels = [text.text for text in svg.iter(f"{SVG}text")]
    assert "<script>" in labels
    assert "b&c" in labels


def test_chart_renders_the_figure_with_its_table() -> None:
    chart = bar_chart(
        key="uppdrag",
        title="Uppdrag efter status",
        description="Antal uppdrag",
        categories=["pågår", "slutfört"],
        series=[Series("Antal", [3, 1])],
    )
    html = str(chart)
    assert 'aria-labelledby="uppdrag-title uppdrag-desc"' in html
    assert '<th scope="row">pågår</th>' in html
    assert '<td class="numeric">3</td>' in html


def test_every_series_has_a_value_per_category() -> None:
    with pytest.raises(ValueError, match="one value per category"):
        bar_chart(
            key="x", title="x", description="x", categories=["a"], series=[Series("s", [1, 2])]
        )


def view_box(svg: ElementTree.Element) -> tuple[float, float]:
    _x, _y, width, height = (float(number) for number in svg.get("viewBox").split())
    return width, height


@pytest.mark.parametrize(
    "values", [[100, 200], [Decimal("44000000.00"), Decimal("-3500000.50")], [0, 0]]
)
def test_chart_text_is_at_least_12_px_on_a_phone_and_at_most_24_on_a_wide_screen(
    values: list[Decimal],
) -> None:
    svg = drawn(series=[Series("Budget", values)])
    width, _height = view_box(svg)

    font_size = float(svg.get("font-size"))
    assert font_size * PHONE_CONTENT / width >= 12
    assert font_size * WIDE / width <= 24
    assert not [text for text in svg.iter(f"{SVG}text") if text.get("font-size")]


@pytest.mark.parametrize(
    "categories",
    [
        ["jan", "feb"],
        ["Kommunstyrelseförvaltningen", "Samhällsbyggnadsförvaltningen med räddningstjänst"],
    ],
)
def test_no_label_is_cut_off_at_the_edges(categories: list[str]) -> None:
    svg = drawn(
        categories=categories,
        series=[Series("Budget", [Decimal("44000000"), Decimal("-1250000")])],
    )
    width, height = view_box(svg)

    for text in svg.iter(f"{SVG}text"):
        x, y, wide = float(text.get("x")), float(text.get("y")), text_width(text.text)
        start = {"start": x, "middle": x - wide / 2, "end": x - wide}[
            text.get("text-anchor", "start")
        ]
        assert start >= 0, text.text
        assert start + wide <= width, text.text
        assert 0 < y <= height, text.text


def test_value_labels_do_not_overlap() -> None:
    svg = drawn(series=[Series("Budget", [Decimal("44000000"), Decimal("-12000000")])])
    axis = sorted(
        (float(text.get("x")), text) for text in svg.iter(f"{SVG}text") if text.get("text-anchor")
    )
    spans = []
    for x, text in axis:
        wide = text_width(text.text)
        start = {"start": x, "middle": x - wide / 2, "end": x - wide}[text.get("text-anchor")]
        spans.append((start, start + wide))

    assert len(spans) >= 2
    assert all(left[1] <= right[0] for left, right in itertools.pairwise(spans))


def test_the_table_beside_the_chart_writes_numbers_the_swedish_way() -> None:
    chart = bar_chart(
        key="budget",
        title="Budget",
        description="Budget per förvaltning",
        categories=["Socialförvaltningen"],
        series=[Series("Budget", [Decimal("44000000.00")])],
        unit="kronor",
    )

    assert '<td class="numeric">44\u00a0000\u00a0000</td>' in str(chart)

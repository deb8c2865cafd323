"""Charts are SVG images with a title and a description, drawn to scale, escaped, and shown
with the same numbers as a table."""

from decimal import Decimal
from xml.etree import ElementTree

import pytest

from kansli.charts import Series, bar_chart, svg_bars

SVG = "{http://www.w3.org/2000/svg}"


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
    heights = {rect.find(f"{SVG}title").text: float(rect.get("height")) for rect in bars}

    assert heights["feb, Budget: 200"] == pytest.approx(2 * heights["jan, Budget: 100"], 0.01)
    assert heights["feb, Utfall: -100"] == pytest.approx(heights["jan, Budget: 100"], 0.01)


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

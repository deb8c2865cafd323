"""Every page carries a Content-Security-Policy that refuses inline script and style, and no
template has any (the browser tests check the pages themselves)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from kansli.charts import Series, svg_bars

INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE
)
# Rendered to PDF by WeasyPrint, never sent to a browser.
PDF_TEMPLATES = {
    "archive/pdf/rendition.html",
    "delegation/order_pdf.html",
    "followup/dashboard/report_pdf.html",
    "meetings/pdf/base.html",
    "pdf/stamp.html",
    "registry/pdf/masked_copy.html",
}


def template_name(path: Path) -> str:
    return path.as_posix().split("/templates/", 1)[1]


TEMPLATES = [
    path
    for path in sorted((settings.BASE_DIR / "kansli").glob("**/templates/**/*.html"))
    if template_name(path) not in PDF_TEMPLATES
]


def directives(header: str) -> dict[str, str]:
    """The policy's directives by name (the header lists them in no fixed order)."""
    pairs = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: sources for name, sources in pairs}


def test_a_public_page_carries_the_policy(client: Client, db: None) -> None:
    header = client.get("/logga-in/")["Content-Security-Policy"]
    policy = directives(header)

    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert "unsafe" not in header


def test_a_signed_in_page_carries_the_policy(signed_in: Client) -> None:
    policy = directives(signed_in.get("/")["Content-Security-Policy"])

    assert policy["script-src"] == "'self'"
    assert policy["img-src"] == "'self'"


def test_only_the_api_documentation_allows_data_images(client: Client, db: None) -> None:
    policy = directives(client.get("/api/v1/docs")["Content-Security-Policy"])

    assert policy["img-src"] == "'self' data:"
    assert policy["script-src"] == "'self'"


@pytest.mark.parametrize("path", TEMPLATES, ids=template_name)
def test_no_template_has_an_inline_script_or_style(path: Path) -> None:
    assert INLINE.findall(path.read_text()) == []


def test_a_chart_is_styled_by_its_class_not_a_style_attribute() -> None:
    svg = svg_bars(
        title="Budget och utfall",
        description="Per månad",
        categories=["jan", "feb"],
        series=[Series(name="Utfall", values=[1, 2])],
    )

    assert 'class="chart"' in svg
    assert "style=" not in svg

"""Amounts and numbers on the pages as Swedes write them: "44 000 000 kr", groups of thousands
held together by no-break spaces, a decimal comma and a true minus sign."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from kansli.charts import swedish_number

NBSP = "\u00a0"


def rendered(source: str, **context: object) -> str:
    return Template("{% load kansli_web %}" + source).render(Context(context))


def test_an_amount_in_kronor_has_spaces_between_thousands_and_no_empty_decimals() -> None:
    assert rendered("{{ amount|kronor }}", amount=Decimal("44000000.00")) == (
        f"44{NBSP}000{NBSP}000{NBSP}kr"
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (Decimal("1234.5"), f"1{NBSP}234,50"),
        (Decimal("-1500000"), f"\u22121{NBSP}500{NBSP}000"),
        (999, "999"),
        (0, "0"),
        (Decimal("-0.00"), "0"),
        (2.25, "2,25"),
    ],
)
def test_a_number_is_written_the_swedish_way(value: Decimal, written: str) -> None:
    assert swedish_number(value) == written


def test_no_amount_is_empty_so_that_default_can_say_what_it_means() -> None:
    assert rendered('{{ amount|kronor|default:"obegränsat" }}', amount=None) == "obegränsat"
    assert rendered("{{ amount|tal }}", amount="inte ett tal") == ""


def test_a_number_without_unit_has_no_kr() -> None:
    assert rendered("{{ value|tal }}", value=Decimal("12000.00")) == f"12{NBSP}000"

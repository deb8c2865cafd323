import csv
import datetime
import io
from decimal import Decimal

import pytest

from kansli.exports import csv_response


def cells(response: object) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_opens_in_swedish_excel_utf8_with_bom_and_semicolons() -> None:
    response = csv_response(
        "uppfoljning.csv", ["Plikt", "Antal"], [["Återrapportering; försenad", 3], ["Åtgärd", None]]
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="uppfoljning.csv"'
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig").splitlines() == [
        "Plikt;Antal",
        '"Återrapportering; försenad";3',
        "Åtgärd;",
    ]


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("https://example.com","Klicka")',
        "+46 521 72 10 00",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_text_cell_that_a_spreadsheet_would_run_as_a_formula_is_escaped(text: str) -> None:
    response = csv_response("export.csv", ["Avsändare"], [[text]])

    assert cells(response)[1] == [f"'{text}"]


def test_a_heading_is_escaped_like_any_other_text() -> None:
    response = csv_response("export.csv", ["=1+1"], [])

    assert cells(response)[0] == ["'=1+1"]


def test_numbers_stay_numbers_even_when_negative() -> None:
    response = csv_response(
        "export.csv", ["Belopp", "Decimal", "Flyttal"], [[-1200, Decimal("-3.50"), -0.5]]
    )

    assert cells(response)[1] == ["-1200", "-3.50", "-0.5"]


def test_other_values_are_written_as_their_text() -> None:
    response = csv_response(
        "export.csv", ["Datum", "Text", "Sant"], [[datetime.date(2026, 1, 12), "Brev", True]]
    )

    assert cells(response)[1] == ["2026-01-12", "Brev", "True"]

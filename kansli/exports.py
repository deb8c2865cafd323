"""The one CSV writer of every export, in the shape Swedish Excel opens without asking, and
safe to open: no cell of it runs as a formula.

A spreadsheet program takes a cell that begins with `=`, `+`, `-` or `@` (and, in some, with
a tab or a carriage return) for a formula, so a sender named `=HYPERLINK(...)` in a postlista
would run when the file is opened (CSV injection). Every cell that is text gets a single quote
in front of such a beginning, as OWASP recommends; numbers are written as numbers, so that a
deviation of -1200 stays a number.
"""

import csv
from collections.abc import Iterable
from decimal import Decimal

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBERS = (int, float, Decimal)


def csv_cell(value: object) -> str:
    """The value as a cell: empty for None, a number as it is, text with a formula's
    beginning escaped by a single quote."""
    if value is None:
        return ""
    if isinstance(value, NUMBERS) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_response(filename: str, header: Iterable[object], rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV download: UTF-8 with a byte order mark and semicolons, because Excel in a Swedish
    locale takes the comma for the decimal sign and reads the file as ANSI without the mark."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([csv_cell(heading) for heading in header])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return response

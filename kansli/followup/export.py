"""CSV export of the followup lists, in the shape Swedish Excel opens without asking."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse


def csv_response(filename: str, header: list[str], rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV download: UTF-8 with a byte order mark and semicolons, because Excel in a Swedish
    locale takes the comma for the decimal sign and reads the file as ANSI without the mark."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(heading) for heading in header])
    for row in rows:
        writer.writerow(["" if value is None else str(value) for value in row])
    return response

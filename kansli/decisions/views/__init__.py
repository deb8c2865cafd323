"""The decisions app's pages, one module per area: the register of decisions (register), the
execution of decisions (execution) and the board's assignments (assignments). Each list of
execution and assignments is also a CSV file with ?format=csv."""

from django.http import HttpRequest


def csv_wanted(request: HttpRequest) -> bool:
    """Whether the page is asked for as a CSV file."""
    return request.GET.get("format") == "csv"


def csv_query(request: HttpRequest) -> str:
    """The page's query asking for the CSV file of what it shows."""
    query = request.GET.copy()
    query["format"] = "csv"
    return query.urlencode()

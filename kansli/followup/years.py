"""The year a follow-up page or API call is about: the economy's and the supervision's."""

from django.utils import timezone

from kansli.bounds import YEAR_MAX, YEAR_MIN


def year_asked(value: str | int | None) -> int:
    """The year asked for, when it is one within the bounds; this year otherwise, by the local
    date (in Sweden the new year begins at midnight, an hour before it does in UTC)."""
    text = str(value) if value is not None else ""
    if text.isdigit() and YEAR_MIN <= int(text) <= YEAR_MAX:
        return int(text)
    return timezone.localdate().year

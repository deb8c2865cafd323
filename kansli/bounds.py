"""The bounds of what a visitor may ask for, checked at the edge: a year, a page number or a
date that Python's dates and the database can hold. Out of bounds is a Swedish 422 in the API,
a form error on a page, 404 for a URL and a ValidationError from a service, never a 500.

Years outside the settings' KANSLI_YEAR_MIN..KANSLI_YEAR_MAX (1900..2200 unless set) are no
municipality's business; they are refused before they reach `datetime.date(year, ...)` (which
stops at 9999) or a time zone conversion (which fails at the edges of year 1 and 9999)."""

import datetime
from typing import Annotated

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pydantic import Field
from pydantic_core import PydanticCustomError

YEAR_MIN: int = settings.KANSLI_YEAR_MIN
YEAR_MAX: int = settings.KANSLI_YEAR_MAX
# The last page a list or a search shows; far beyond any real result, well within SQL's offset.
PAGE_MAX = 10_000

Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX)]
Page = Annotated[int, Field(ge=1, le=PAGE_MAX)]


def _year_refused() -> str:
    return _("Ange ett år mellan %(min)s och %(max)s.") % {"min": YEAR_MIN, "max": YEAR_MAX}


def require_year_in_bounds(moment: datetime.date | None, *, field: str) -> None:
    """Refuse a date or time whose year is outside the bounds, on `field`."""
    if moment is not None and not YEAR_MIN <= moment.year <= YEAR_MAX:
        raise ValidationError({field: _year_refused()})


def year_in_bounds(moment: datetime.date) -> datetime.date:
    """A pydantic validator of an API parameter: the date, or the API's 422 when its year is
    outside the bounds."""
    if not YEAR_MIN <= moment.year <= YEAR_MAX:
        raise PydanticCustomError("year_out_of_bounds", _year_refused())
    return moment


class YearConverter:
    """`<year:year>` in a URL: four digits within the bounds, else the URL matches nothing
    (404)."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise ValueError(value)
        return year

    def to_url(self, value: int) -> str:
        return str(value)


class TextConverter:
    """`<text:key>` in a URL: a path segment as `<str:...>` takes it, but without NUL
    characters, which PostgreSQL cannot compare; a key holding one matches nothing (404)."""

    regex = "[^/\x00]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value

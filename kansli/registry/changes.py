"""The API's lists of what changed: rows in the order they were last saved (`updated_at`, then
id), from `changed_since` on, a page at a time by the API's keyset pagination
(`kansli.pagination`). A system keeps the last row's `updated_at` and asks with it as
`changed_since` the next time; since a transaction may commit after a later one began, it asks a
few minutes back and takes rows it has seen again.
"""

import datetime
from typing import Annotated, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field
from pydantic import AfterValidator

from kansli.bounds import year_in_bounds
from kansli.pagination import Paging, keyset_page
from kansli.texts import gettext_lazy as _lazy

M = TypeVar("M", bound=Model)


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """A time without a zone is Swedish time."""
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


Since = Annotated[datetime.datetime, AfterValidator(year_in_bounds), AfterValidator(_aware)]


class Changes(Paging):
    changed_since: Since | None = Field(
        None,
        description=_lazy(
            "Bara det som ändrats vid eller efter tidpunkten (ÅÅÅÅ-MM-DDTHH:MM, med tidszon "
            "eller i svensk tid)."
        ),
    )


def changes_page(
    request: HttpRequest, rows: QuerySet[M], paging: Changes
) -> tuple[list[M], str | None]:
    """A page of the rows in the order they changed, and the address of the next page (None
    on the last)."""
    if paging.changed_since is not None:
        rows = rows.filter(updated_at__gte=paging.changed_since)
    return keyset_page(request, rows, paging, ("updated_at", "pk"))

"""The API's lists of what changed: rows in the order they were last saved (`updated_at`, then
id), from `changed_since` on, a page at a time by keyset.

A page starts after the last row of the page before, named by an opaque cursor (that row's
`updated_at` and id), not at an offset: the database walks the (updated_at, id) index from
there and stops after one page, and a row saved while a client pages is not skipped or shown
twice on the pages still to come, as an offset would. A system keeps the last row's
`updated_at` and asks with it as `changed_since` the next time; since a transaction may commit
after a later one began, it asks a few minutes back and takes rows it has seen again.
"""

import base64
import binascii
import datetime
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import AfterValidator, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from kansli.bounds import year_in_bounds
from kansli.texts import gettext_lazy as _lazy

M = TypeVar("M", bound=Model)

PAGE_SIZE = 50
PAGE_SIZE_MAX = 500


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """A time without a zone is Swedish time."""
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _position(value: object) -> tuple[datetime.datetime, int]:
    """The (updated_at, id) a cursor names, or the API's 422."""
    try:
        text = base64.urlsafe_b64decode(str(value).encode("ascii")).decode("ascii")
        moment, _sep, pk = text.rpartition("|")
        return _aware(datetime.datetime.fromisoformat(moment)), int(pk)
    except (ValueError, UnicodeError, binascii.Error):
        raise PydanticCustomError(
            "cursor", _("Markören är inte giltig; använd adressen i next som den är.")
        ) from None


def cursor_of(row: Model) -> str:
    moment = row.updated_at.astimezone(datetime.UTC).isoformat()  # type: ignore[attr-defined]
    return base64.urlsafe_b64encode(f"{moment}|{row.pk}".encode()).decode()


Cursor = Annotated[
    tuple[datetime.datetime, int],
    PlainValidator(_position),
    WithJsonSchema({"type": "string"}),
]
Since = Annotated[datetime.datetime, AfterValidator(year_in_bounds), AfterValidator(_aware)]


class Changes(Schema):
    changed_since: Since | None = Field(
        None,
        description=_lazy(
            "Bara det som ändrats vid eller efter tidpunkten (ÅÅÅÅ-MM-DDTHH:MM, med tidszon "
            "eller i svensk tid)."
        ),
    )
    cursor: Cursor | None = Field(
        None, description=_lazy("Var sidan börjar: markören i föregående sidas next.")
    )
    page_size: int = Field(PAGE_SIZE, ge=1, le=PAGE_SIZE_MAX)


def changes_page(
    request: HttpRequest, rows: QuerySet[M], paging: Changes
) -> tuple[list[M], str | None]:
    """A page of the rows in the order they changed, and the address of the next page (None
    on the last)."""
    if paging.changed_since is not None:
        rows = rows.filter(updated_at__gte=paging.changed_since)
    if paging.cursor is not None:
        moment, pk = paging.cursor
        rows = rows.filter(Q(updated_at__gt=moment) | Q(updated_at=moment, pk__gt=pk))
    found = list(rows.order_by("updated_at", "pk")[: paging.page_size + 1])
    page = found[: paging.page_size]
    if len(found) <= paging.page_size:
        return page, None
    query: dict[str, Any] = {
        key: value for key, value in request.GET.items() if key != "cursor"
    } | {"cursor": cursor_of(page[-1])}
    return page, request.build_absolute_uri(f"{request.path}?{urlencode(query)}")

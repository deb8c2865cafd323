"""The API's lists, a page at a time by keyset: one pagination for every list operation.

A page starts after the last row of the page before, named by an opaque cursor (the values of
that row's ordering key, ending with its id, signed so that a changed cursor is refused), not at
an offset: the database walks the ordering's index from there with a keyset WHERE and stops
after one page (LIMIT page_size + 1, the one more telling whether a next page exists), and a row
written while a client pages is neither skipped nor shown twice on the pages still to come.

A list answered as an object (`{"items": [...], "next": ...}`) carries the next page's address
in `next`; a list answered as an array keeps its shape and carries it in the `Link` header
(`<address>; rel="next"`, RFC 8288), as GitHub's API does. Both are absent on the last page.
"""

import datetime
from collections.abc import Callable, Sequence
from functools import reduce
from operator import or_
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from django.core import signing
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import ValidationError as RequestValidationError
from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from kansli.texts import gettext_lazy as _lazy

M = TypeVar("M", bound=Model)

PAGE_SIZE = 50
PAGE_SIZE_MAX = 200
SALT = "kansli.pagination"


def _cursor_refused() -> str:
    return _("Markören är inte giltig; använd adressen i next som den är.")


def _unsigned(value: object) -> dict[str, Any]:
    """The ordering and values a cursor names, or the API's 422."""
    try:
        payload = signing.loads(str(value), salt=SALT)
    except (signing.BadSignature, UnicodeError, ValueError):
        raise PydanticCustomError("cursor", _cursor_refused()) from None
    if not isinstance(payload, dict):
        raise PydanticCustomError("cursor", _cursor_refused())
    return payload


Cursor = Annotated[dict[str, Any], PlainValidator(_unsigned), WithJsonSchema({"type": "string"})]


class Paging(Schema):
    cursor: Cursor | None = Field(
        None,
        description=_lazy(
            "Var sidan börjar: markören i föregående sidas nästa adress (next, eller "
            'svarets Link-huvud med rel="next").'
        ),
    )
    page_size: int = Field(PAGE_SIZE, ge=1, le=PAGE_SIZE_MAX)


def _value(row: Model, key: str) -> Any:
    value: Any = row
    for name in key.lstrip("-").split("__"):
        value = getattr(value, name)
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _after(order: Sequence[str], values: list[Any]) -> Q:
    """The rows after the one whose ordering key has the values: on the first key beyond it,
    or equal on the first and beyond on the second, and so on."""
    steps = []
    for index, key in enumerate(order):
        lookup = "lt" if key.startswith("-") else "gt"
        equal = {
            name.lstrip("-"): value for name, value in zip(order[:index], values, strict=False)
        }
        steps.append(Q(**equal, **{f"{key.lstrip('-')}__{lookup}": values[index]}))
    return reduce(or_, steps)


def cursor_of(order: Sequence[str], row: Model) -> str:
    """The opaque cursor of the page that starts after the row."""
    values = [_value(row, key) for key in order]
    return signing.dumps({"order": list(order), "values": values}, salt=SALT)


def cursor_values(cursor: dict[str, Any], order: Sequence[str]) -> list[Any]:
    """The values a cursor's payload (`Cursor`) names, if it was made for the order; a
    ValueError if not."""
    values = cursor.get("values")
    if cursor.get("order") != list(order) or not isinstance(values, list):
        raise ValueError(cursor)
    if len(values) != len(order):
        raise ValueError(cursor)
    return values


def values_of(token: str, order: Sequence[str]) -> list[Any]:
    """The values of a cursor from a page's address, made for the order; a ValueError if it
    is none."""
    try:
        payload = signing.loads(token, salt=SALT)
    except (signing.BadSignature, UnicodeError, ValueError) as error:
        raise ValueError(token) from error
    if not isinstance(payload, dict):
        raise ValueError(token)
    return cursor_values(payload, order)


def keyset(
    rows: QuerySet[M],
    order: Sequence[str],
    *,
    after: list[Any] | None,
    size: int,
    keep: Callable[[list[M]], list[M]] | None = None,
) -> tuple[list[M], M | None]:
    """A page of at most `size` of the rows in the order (whose last key is "pk" or "-pk",
    so that it names one row), starting after the row whose ordering key has the values
    `after`; and the row the next page starts after (None on the last page).

    `keep` takes a batch of rows and gives back those the user may find (a search must not
    reveal that a masked row matched): the page is then filled from the rows after, so that how
    many a page holds says nothing about the rows left out."""
    rows = rows.order_by(*order)
    page: list[M] = []
    last: M | None = None
    while True:
        after_rows = rows if after is None else rows.filter(_after(order, after))
        batch = list(after_rows[: size + 1])
        kept = None if keep is None else {id(row) for row in keep(batch)}
        for row in batch:
            if len(page) == size and last is not None:
                return page, last
            last = row
            if kept is None or id(row) in kept:
                page.append(row)
        if len(batch) <= size:
            return page, None
        after = [_value(batch[-1], key) for key in order]


def keyset_page(
    request: HttpRequest,
    rows: QuerySet[M],
    paging: Paging,
    order: Sequence[str],
    keep: Callable[[list[M]], list[M]] | None = None,
) -> tuple[list[M], str | None]:
    """A page of the rows in the order (see `keyset`), and the address of the next page
    (None on the last); a cursor made for another order is the API's 422."""
    after = None
    if paging.cursor is not None:
        try:
            after = cursor_values(paging.cursor, order)
        except ValueError:
            raise RequestValidationError(
                [{"type": "cursor", "loc": ("query", "cursor"), "msg": _cursor_refused()}]
            ) from None
    page, last = keyset(rows, order, after=after, size=paging.page_size, keep=keep)
    return page, None if last is None else _next_url(request, cursor_of(order, last))


def _next_url(request: HttpRequest, cursor: str) -> str:
    query = {key: value for key, value in request.GET.items() if key != "cursor"}
    return request.build_absolute_uri(f"{request.path}?{urlencode(query | {'cursor': cursor})}")


def linked_page(
    request: HttpRequest,
    response: HttpResponse,
    rows: QuerySet[M],
    paging: Paging,
    order: Sequence[str],
    keep: Callable[[list[M]], list[M]] | None = None,
) -> list[M]:
    """A page of the rows for a list answered as an array: the next page's address in the
    response's Link header."""
    page, next_url = keyset_page(request, rows, paging, order, keep)
    if next_url is not None:
        response["Link"] = f'<{next_url}>; rel="next"'
    return page

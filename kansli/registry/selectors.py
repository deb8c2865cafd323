"""Reading the registry: cases and documents as a user may see them, the public registry list,
and public records requests waiting to be handled."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from kansli.bounds import require_year_in_bounds
from kansli.legal_time import add_working_days
from kansli.organisation.models import Body, Organization
from kansli.registry.models import (
    Case,
    Document,
    PublicRecordsRequest,
    RecordsRequestSettings,
)
from kansli.registry.visibility import DocumentView, User, document_view


def documents_with_case(documents: QuerySet[Document]) -> QuerySet[Document]:
    """Documents with what `document_view` reads, in one query."""
    return documents.select_related("case__organization__body", "case_officer")


def cases_with_organization(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.select_related("organization__body", "case_officer")


def document_views(*, user: User, documents: Iterable[Document]) -> list[DocumentView]:
    return [document_view(user, document) for document in documents]


def _local_day_bounds(
    start: datetime.date, end: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    zone = timezone.get_current_timezone()
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    after = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, zone)
    return first, after


def registry_list(
    *,
    body: Body,
    start: datetime.date,
    end: datetime.date,
    organization: Organization | None = None,
    direction: str | None = None,
) -> QuerySet[Document]:
    """The documents of the body registered from `start` to `end` (both inclusive, local
    days), in the order they were registered: the postlista. A ValidationError for a day
    whose year is out of bounds (`kansli.bounds`)."""
    require_year_in_bounds(start, field="start")
    require_year_in_bounds(end, field="end")
    first, after = _local_day_bounds(start, end)
    documents = Document.objects.filter(
        case__organization__body=body, registered_at__gte=first, registered_at__lt=after
    )
    if organization is not None:
        documents = documents.filter(case__organization=organization)
    if direction:
        documents = documents.filter(direction=direction)
    return documents_with_case(documents).order_by("registered_at", "id")


def week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of the ISO week the day falls in."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


@dataclass(frozen=True)
class RequestWait:
    """A public records request with how long it has waited and whether it is overdue."""

    request: PublicRecordsRequest
    since: datetime.datetime  # received, or the authority's decision asked for
    waited: datetime.timedelta
    due_on: datetime.date
    overdue: bool


def prompt_working_days(body: Body) -> int:
    """How many working days the body lets a request wait: its setting, one by default."""
    found = (
        RecordsRequestSettings.objects.filter(body=body)
        .values_list("working_days", flat=True)
        .first()
    )
    return RecordsRequestSettings.DEFAULT_WORKING_DAYS if found is None else found


def request_wait(
    request: PublicRecordsRequest, now: datetime.datetime, *, working_days: int = 1
) -> RequestWait:
    """How long the request has waited for its answer (until answered, or until `now`), or,
    once the requester asked for the authority's decision, for that decision; and whether it
    went past `working_days` working days after the day it came in (or was asked). TF 2 kap.
    15 § asks for promptness ("skyndsamt"); JO holds that a request is normally handled the
    same day or within a day or so, and each body sets its own limit."""
    if request.review_requested_at is not None:
        start, end = request.review_requested_at, request.reviewed_at
    else:
        start, end = request.received_at, request.decided_at
    until = end or now
    due_on = add_working_days(timezone.localtime(start).date(), working_days)
    overdue = timezone.localtime(until).date() > due_on
    return RequestWait(
        request=request, since=start, waited=until - start, due_on=due_on, overdue=overdue
    )


def records_requests_open(*, body: Body, now: datetime.datetime) -> list[RequestWait]:
    """The body's requests that wait for an answer or for the authority's decision, oldest
    first, each with its wait."""
    days = prompt_working_days(body)
    requests = PublicRecordsRequest.objects.filter(
        body=body, status__in=PublicRecordsRequest.WAITING
    ).prefetch_related("documents")
    return [
        request_wait(request, now, working_days=days)
        for request in requests.order_by("received_at", "id")
    ]


def records_requests_overdue(*, body: Body, now: datetime.datetime) -> list[RequestWait]:
    """The open requests not handled within the body's working days: for the dashboard."""
    return [wait for wait in records_requests_open(body=body, now=now) if wait.overdue]

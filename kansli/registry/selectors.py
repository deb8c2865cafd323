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
from kansli.registry.models import Case, Document, PublicRecordsRequest
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
    waited: datetime.timedelta
    due_on: datetime.date
    overdue: bool


def request_wait(request: PublicRecordsRequest, now: datetime.datetime) -> RequestWait:
    """How long the request has waited (until decided, or until `now`), and whether it went
    past the working day after the day it came in. TF 2 kap 15 § asks for promptness
    ("skyndsamt"); JO holds that a request is normally handled the same day or within a day
    or so, and the secretariat's own limit is one working day."""
    received = timezone.localtime(request.received_at)
    until = request.decided_at or now
    due_on = add_working_days(received.date(), 1)
    overdue = timezone.localtime(until).date() > due_on
    return RequestWait(
        request=request, waited=until - request.received_at, due_on=due_on, overdue=overdue
    )


def records_requests_open(*, body: Body, now: datetime.datetime) -> list[RequestWait]:
    """The body's requests not yet decided, oldest first, each with its wait."""
    requests = PublicRecordsRequest.objects.filter(body=body).exclude(
        status=PublicRecordsRequest.Status.DECIDED
    )
    return [request_wait(request, now) for request in requests.order_by("received_at", "id")]


def records_requests_overdue(*, body: Body, now: datetime.datetime) -> list[RequestWait]:
    """The open requests not handled within one working day: for the dashboard."""
    return [wait for wait in records_requests_open(body=body, now=now) if wait.overdue]

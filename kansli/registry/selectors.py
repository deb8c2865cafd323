"""Reading the registry: cases and documents as a user may see them, a case's events, the
public registry list, public records requests waiting to be handled, and the OSL provisions
the secrecy picker offers."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit.admin import shown
from kansli.audit.models import Event
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

SECRECY_GROUNDS_FILE = Path(__file__).with_name("secrecy_grounds.yaml")


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


def organs_of(*, body: Body) -> list[int]:
    """The ids of the body's organizations, as a list and not a join: asked by these, PostgreSQL
    knows from the column's statistics how many cases they hold, and reads a small body beside a
    large one through its organs' index instead of walking every body's rows newest first
    (docs/benchmarks.md, "Indexes that lead with the body")."""
    return list(body.organizations.values_list("pk", flat=True))


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
        case__organization_id__in=organs_of(body=body),
        registered_at__gte=first,
        registered_at__lt=after,
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


def records_requests_waiting(*, body: Body) -> QuerySet[PublicRecordsRequest]:
    """The body's requests that wait for an answer or for the authority's decision, with the
    documents asked for and released, oldest first."""
    return (
        PublicRecordsRequest.objects.filter(body=body, status__in=PublicRecordsRequest.WAITING)
        .select_related("body")
        .prefetch_related("documents", "released_copies")
        .order_by("received_at", "id")
    )


def records_requests_open(*, body: Body, now: datetime.datetime) -> list[RequestWait]:
    """The body's requests that wait for an answer or for the authority's decision, oldest
    first, each with its wait."""
    days = prompt_working_days(body)
    return [
        request_wait(request, now, working_days=days)
        for request in records_requests_waiting(body=body)
    ]


def records_requests_overdue(*, body: Body, now: datetime.datetime) -> list[RequestWait]:
    """The open requests not handled within the body's working days: for the dashboard."""
    return [wait for wait in records_requests_open(body=body, now=now) if wait.overdue]


@dataclass(frozen=True)
class SecrecyGround:
    """An OSL provision of the secrecy picker, and what a record marked with it hides from the
    public by default."""

    chapter: int
    paragraph: str
    name: str
    counterpart_masked: bool
    description_masked: bool

    @property
    def reference(self) -> str:
        """The provision as it is cited and stored: "OSL 26 kap. 1 §"."""
        return f"OSL {self.chapter} kap. {self.paragraph} §"

    @property
    def label(self) -> str:
        return f"{self.chapter} kap. {self.paragraph} § {self.name}"


@cache
def secrecy_grounds() -> tuple[SecrecyGround, ...]:
    """The provisions of `secrecy_grounds.yaml`, in its order; read once."""
    data = yaml.safe_load(SECRECY_GROUNDS_FILE.read_text(encoding="utf-8"))
    return tuple(
        SecrecyGround(
            chapter=int(ground["chapter"]),
            paragraph=str(ground["paragraph"]),
            name=ground["name"],
            counterpart_masked="counterpart" in ground["masks"],
            description_masked="description" in ground["masks"],
        )
        for ground in data["grounds"]
    )


def secrecy_ground(reference: str) -> SecrecyGround | None:
    """The picker's provision cited as `reference`; None for one it does not offer (such as a
    free-text reference registered before the picker)."""
    return next((ground for ground in secrecy_grounds() if ground.reference == reference), None)


@dataclass(frozen=True)
class FieldChange:
    """One field of a row as an event changed it, as the reader may see it."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class CaseEvent:
    """An event of a case or of one of its documents, as the reader may see it: what happened
    (`title`), to which row, and each field it changed."""

    event: Event
    title: str
    object_repr: str
    changes: list[FieldChange]


# Fields whose change says nothing to a reader of the case: keys, counters, times of writing.
_UNSHOWN = {"id", "case_id", "series_id", "sequence", "number", "registered_at", "updated_at"}


def _value(field: models.Field, value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(field, models.ForeignKey):
        row = field.related_model._base_manager.filter(pk=value).first()
        return str(row) if row is not None else str(value)
    if isinstance(field, models.BooleanField):
        return _("ja") if value else _("nej")
    return str(dict(field.flatchoices).get(value, value))


def _changes(model: type[models.Model], before: Any, after: Any) -> list[FieldChange]:
    """The shown fields whose value differs between the event's before and after."""
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    fields = [
        field
        for field in model._meta.concrete_fields
        if field.attname not in _UNSHOWN
        and (before.get(field.attname) or None) != (after.get(field.attname) or None)
    ]
    return [
        FieldChange(
            label=str(field.verbose_name),
            before=_value(field, before.get(field.attname)) if before else "",
            after=_value(field, after.get(field.attname)),
        )
        for field in fields
    ]


def _title(event: Event) -> str:
    """What the event did, in words: from its action and the fields it changed (the secrecy
    reference and the status are never masked: the postlista shows them)."""
    before = event.before if isinstance(event.before, dict) else {}
    after = event.after if isinstance(event.after, dict) else {}
    is_case = event.object_type == "registry.case"
    if event.action.endswith(".create"):
        return _("Ärendet öppnades") if is_case else _("Handlingen registrerades")
    secrecy = (before.get("secrecy_reference"), after.get("secrecy_reference"))
    if secrecy[0] != secrecy[1]:
        if not secrecy[1]:
            return _("Sekretessmarkeringen togs bort")
        return _("Sekretessmarkerades enligt %(reference)s") % {"reference": secrecy[1]}
    if is_case and before.get("status") != after.get("status"):
        closed = after.get("status") == Case.Status.CLOSED
        return _("Ärendet avslutades") if closed else _("Ärendet återupptogs")
    if is_case and before.get("case_officer_id") != after.get("case_officer_id"):
        return _("Ny handläggare")
    return _("Ärendet ändrades") if is_case else _("Handlingen ändrades")


def case_events(*, user: User, case: Case) -> list[CaseEvent]:
    """The events of the case and of its documents, oldest first, each as the user may read it:
    through the event log's masking, so that what secrecy hides from the user stays hidden."""
    documents = [str(pk) for pk in case.documents.values_list("pk", flat=True)]
    events = Event.objects.filter(
        Q(object_type="registry.case", object_id=str(case.pk))
        | Q(object_type="registry.document", object_id__in=documents)
    ).order_by("seq")
    found = []
    for event in events:
        seen = shown(user, event)
        model = Case if event.object_type == "registry.case" else Document
        changes = _changes(model, seen.before, seen.after)
        if changes:
            found.append(CaseEvent(event, _title(event), seen.object_repr, changes))
    return found

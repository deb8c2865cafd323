"""Crisis events through the API: the events and their log, a log line written with the key of
the director's staff or the event's chief of staff, the crisis committee's decisions not yet
reported to the council, and the posts in a security class."""

import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from kansli.followup.api.reading import readable_body
from kansli.followup.models import CrisisLogEntry
from kansli.followup.selectors import crisis as selectors
from kansli.followup.services import crisis as services
from kansli.organisation.api import (
    OnDate,
    OrganizationRef,
    PersonRef,
    found,
    on_or_today,
)
from kansli.pagination import Paging, linked_page
from kansli.texts import gettext_lazy as _lazy

router = Router()


class LogEntry(Schema):
    id: int
    kind: str = Field(description="observation, measure, decision, leadership, communication")
    text: str
    recorded_at: datetime.datetime
    recorded_by: PersonRef
    decision_id: int | None


class CrisisEvent(Schema):
    id: int
    title: str
    started_at: datetime.datetime
    ended_at: datetime.datetime | None
    leadership: str = Field(description="undecided, committee, director")
    leadership_decided_at: datetime.datetime | None
    committee: OrganizationRef | None
    chief_of_staff: PersonRef | None


class CrisisEventDetail(CrisisEvent):
    log: list[LogEntry]

    @staticmethod
    def resolve_log(obj: Any) -> list[Any]:
        return list(selectors.crisis_log(event=obj))


class LogIn(Schema):
    kind: str = Field(description="observation, measure, leadership, communication")
    text: str


class CrisisDecision(Schema):
    id: int
    title: str
    decided_on: datetime.date
    source_document: str
    source_section: str
    report_to: OrganizationRef | None
    report_due: datetime.date | None
    reported_on: datetime.date | None


class SecurityPost(Schema):
    slug: str
    title: str
    security_class: int | None
    required_class: int | None = Field(description=_lazy("Lägsta klass instruktionen kräver."))
    short: bool
    holders: list[PersonRef]


def _event(request: HttpRequest, slug: str, event_id: int) -> Any:
    return found(
        selectors.crisis_events(body=readable_body(request, slug)),
        _("Det finns ingen krishändelse med id %(id)d.") % {"id": event_id},
        pk=event_id,
    )


@router.get(
    "/bodies/{slug}/followup/crisis-events",
    response=list[CrisisEvent],
    summary=_lazy("Krishändelser, den senaste först"),
)
def crisis_event_index(
    request: HttpRequest, response: HttpResponse, slug: str, paging: Query[Paging]
) -> list[Any]:
    events = selectors.crisis_events(body=readable_body(request, slug))
    return linked_page(request, response, events, paging, ("-started_at", "-pk"))


@router.get(
    "/bodies/{slug}/followup/crisis-events/{event_id}",
    response=CrisisEventDetail,
    summary=_lazy("En krishändelse med krisloggen"),
)
def crisis_event_detail(request: HttpRequest, slug: str, event_id: int) -> Any:
    return _event(request, slug, event_id)


@router.post(
    "/bodies/{slug}/followup/crisis-events/{event_id}/log",
    response={201: LogEntry},
    summary=_lazy("Skriv en rad i krisloggen (loggen kan bara kompletteras)"),
)
def crisis_log_append(
    request: HttpRequest, slug: str, event_id: int, data: LogIn
) -> Status[CrisisLogEntry]:
    entry = services.crisis_log_append(
        actor=request.user,
        event=_event(request, slug, event_id),
        kind=data.kind,
        text=data.text,
    )
    return Status(201, entry)


@router.get(
    "/bodies/{slug}/followup/crisis-decisions/unreported",
    response=list[CrisisDecision],
    summary=_lazy("Krisledningsnämndens beslut som inte är anmälda till fullmäktige"),
)
def crisis_decisions_unreported(
    request: HttpRequest, slug: str, date: OnDate | None = None
) -> list[Any]:
    return list(
        selectors.crisis_decisions_unreported(
            body=readable_body(request, slug), on=on_or_today(date)
        )
    )


@router.get(
    "/bodies/{slug}/followup/security-classes",
    response=list[SecurityPost],
    summary=_lazy("Befattningar i säkerhetsskyddsklass, och direktörens befattningar"),
)
def security_classes(request: HttpRequest, slug: str, date: OnDate | None = None) -> list[Any]:
    return [
        {
            "slug": row.position.slug,
            "title": row.position.title,
            "security_class": row.position.security_class,
            "required_class": row.required,
            "short": row.short,
            "holders": row.holders,
        }
        for row in selectors.security_class_list(
            body=readable_body(request, slug), on=on_or_today(date)
        )
    ]

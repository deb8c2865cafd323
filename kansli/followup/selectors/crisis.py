"""Reading crisis events, their log, the crisis committee's decisions owed to the council, and
the posts placed in a security class (seed 002 3.5, seed 000 "Säkerhetsansvar")."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext, ngettext_lazy

from kansli.decisions.models import Decision
from kansli.decisions.selectors import execution_tasks
from kansli.followup.evidence import Evidence, shortfall
from kansli.followup.models import CrisisEvent, CrisisLogEntry
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Organization, Person, Position
from kansli.organisation.selectors import director_position, holders_of, positions_with_holders

# Seed 002 3.5: the director's post and a deputy director's post in security class 2 or
# higher. Class 1 is the highest, so the number may be at most 2.
LOWEST_DIRECTOR_CLASS = Position.SecurityClass.CLASS_2


def crisis_committee(*, body: Body) -> Organization | None:
    """The body's crisis committee (krisledningsnämnd, LEH 2 kap. 2 §)."""
    return body.organizations.filter(kind=Organization.Kind.CRISIS_COMMITTEE).first()


def council(*, body: Body) -> Organization | None:
    return body.organizations.filter(kind=Organization.Kind.COUNCIL).first()


def crisis_staff_chief(*, body: Body, on: datetime.date) -> Person | None:
    """Who leads the central crisis staff on the date (seed 002 3.5: "leds av stabschef"): the
    holder of the post that heads the body's crisis staff, the staff unit named for it
    ("central krisledningsstab", "regional krisledningsstab")."""
    position = Position.objects.filter(
        body=body,
        heads_organization=True,
        organization__kind=Organization.Kind.STAFF_UNIT,
        organization__slug__endswith="krisledningsstab",
    ).first()
    if position is None:
        return None
    appointment = holders_of(position=position, on=on).first()
    return appointment.person if appointment is not None else None


def crisis_events(*, body: Body) -> QuerySet[CrisisEvent]:
    """The body's crisis events, the latest first."""
    return CrisisEvent.objects.filter(body=body).select_related("committee", "chief_of_staff")


def crisis_log(*, event: CrisisEvent) -> QuerySet[CrisisLogEntry]:
    """The event's log in the order it was written: its timeline."""
    return event.log.select_related("recorded_by", "decision").order_by("recorded_at", "pk")


def crisis_decisions(*, body: Body) -> QuerySet[Decision]:
    """The recorded decisions of the body's crisis committee, the oldest first."""
    return Decision.objects.filter(
        body=body,
        organization__kind=Organization.Kind.CRISIS_COMMITTEE,
        status=Decision.Status.RECORDED,
    ).order_by("decided_on", "pk")


def crisis_decisions_unreported(*, body: Body, on: datetime.date) -> QuerySet[Decision]:
    """The crisis committee's decisions that, on the date, had not been reported to the council
    (LEH 2 kap.: the committee's decisions are reported at the council's next meeting)."""
    return (
        crisis_decisions(body=body)
        .filter(decided_on__lte=on)
        .filter(Q(reported_on__isnull=True) | Q(reported_on__gt=on))
        .select_related("organization", "report_to")
    )


def next_council_meeting(*, body: Body, after: datetime.date) -> datetime.date | None:
    """The day of the council's next meeting after the date, if one is planned."""
    meeting = (
        Meeting.objects.filter(
            organization__body=body,
            organization__kind=Organization.Kind.COUNCIL,
            starts_at__date__gt=after,
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")
        .first()
    )
    return meeting.starts_at.date() if meeting is not None else None


def committee_activations(*, body: Body) -> list[datetime.date]:
    """The days the crisis committee took over the lead of an event (seed 002 3.5 f: the
    director presents its cases when it is activated)."""
    return _lead_decided(body, CrisisEvent.Leadership.COMMITTEE)


def director_led_events(*, body: Body) -> list[datetime.date]:
    """The days an event was left to the director to lead, the committee not activated (seed
    002 3.5 d)."""
    return _lead_decided(body, CrisisEvent.Leadership.DIRECTOR)


def _lead_decided(body: Body, leadership: str) -> list[datetime.date]:
    decided = crisis_events(body=body).filter(
        leadership=leadership, leadership_decided_at__isnull=False
    )
    return sorted(
        timezone.localdate(at) for at in decided.values_list("leadership_decided_at", flat=True)
    )


def unexecuted_crisis_decisions_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """The duty to see that the crisis committee's decisions are executed (seed 000
    "Säkerhetsansvar 2"): red while an execution task of one of them is overdue."""
    return shortfall(
        execution_tasks(body=body, overdue_on=on)
        .filter(decision__organization__kind=Organization.Kind.CRISIS_COMMITTEE)
        .count(),
        found=ngettext_lazy(
            "%(count)d verkställighetsuppgift av krisledningsnämndens beslut är försenad",
            "%(count)d verkställighetsuppgifter av krisledningsnämndens beslut är försenade",
            "count",
        ),
        none=_lazy("Krisledningsnämndens beslut verkställs i tid"),
        url=reverse("followup:crisis_decisions", args=[body.slug]),
    )


@dataclass(frozen=True)
class SecurityRow:
    """A post with its security class, its holders on the date, and whether the instruction
    requires a higher class than it has."""

    position: Position
    holders: list[Person]
    required: int | None

    @property
    def short(self) -> bool:
        current = self.position.security_class
        return self.required is not None and (current is None or current > self.required)


def director_posts(*, body: Body) -> QuerySet[Position]:
    """The director's post and any deputy director's post beside it (seed 002 3.5, 3.8)."""
    director = director_position(body=body)
    if director is None:
        return Position.objects.none()
    deputy = Q(organization_id=director.organization_id, title__icontains="biträdande")
    return Position.objects.filter(Q(pk=director.pk) | deputy, body=body)


def security_class_list(*, body: Body, on: datetime.date) -> list[SecurityRow]:
    """The posts placed in a security class, and the director's posts whether placed or not,
    each with its holders on the date; the highest class first."""
    required = set(director_posts(body=body).values_list("pk", flat=True))
    positions = positions_with_holders(
        positions=Position.objects.filter(
            Q(security_class__isnull=False) | Q(pk__in=required), body=body
        ).order_by("security_class", "title"),
        on=on,
    )
    return [
        SecurityRow(
            position=position,
            holders=[appointment.person for appointment in position.holders],
            required=LOWEST_DIRECTOR_CLASS if position.pk in required else None,
        )
        for position in positions
    ]


def security_class_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """Red when the director's or a deputy director's post is not in security class 2 or
    higher (seed 002 3.5 c; seed 000 requires no class). The count is the one its sentence
    states: the posts short of the class, or else the posts placed in a class."""
    rows = security_class_list(body=body, on=on)
    short = [row for row in rows if row.short]
    if short:
        summary = ngettext(
            "%(count)d direktörsbefattning saknar säkerhetsskyddsklass 2 eller högre",
            "%(count)d direktörsbefattningar saknar säkerhetsskyddsklass 2 eller högre",
            len(short),
        ) % {"count": len(short)}
        count = len(short)
    else:
        summary = ngettext(
            "%(count)d befattning är placerad i säkerhetsskyddsklass",
            "%(count)d befattningar är placerade i säkerhetsskyddsklass",
            len(rows),
        ) % {"count": len(rows)}
        count = len(rows)
    url = reverse("followup:security_classes", args=[body.slug])
    return Evidence(ok=not short, summary=summary, count=count, url=url)

"""Reading meetings: the plan, who serves and whether there is a quorum, what may go on an
agenda, and what hangs on the notice board."""

import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kansli.decisions.models import Decision
from kansli.decisions.selectors import decisions_unreported
from kansli.meetings import rules
from kansli.meetings.models import (
    AgendaItem,
    Attendance,
    Disqualification,
    Meeting,
    Posting,
    Proposal,
    Vote,
)
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.organisation.selectors import members_on
from kansli.preparation.models import Preparation
from kansli.preparation.selectors import case_readiness
from kansli.registry.models import Case


def meeting_day(meeting: Meeting) -> datetime.date:
    """The day the meeting is held, in the local time zone."""
    return timezone.localdate(meeting.starts_at)


def minutes_name(meeting: Meeting) -> str:
    """How the minutes are cited: "KS 2026-12-01"."""
    organization = meeting.organization
    return f"{organization.short_name or organization.name} {meeting_day(meeting):%Y-%m-%d}"


def in_board_group(organization: Organization) -> bool:
    """The executive board and its subcommittees and drafting committees: where the director
    presents the cases and may attend and speak (seed 002 4.1.2-4.1.3, seed 000)."""
    if organization.kind == Organization.Kind.EXECUTIVE_BOARD:
        return True
    parent = organization.parent
    return (
        organization.kind
        in (Organization.Kind.SUBCOMMITTEE, Organization.Kind.PREPARATORY_COMMITTEE)
        and parent is not None
        and parent.kind == Organization.Kind.EXECUTIVE_BOARD
    )


def meeting_plan(*, organization: Organization, year: int) -> QuerySet[Meeting]:
    """The organization's meetings of the year, cancelled ones included, in order."""
    return Meeting.objects.filter(organization=organization, starts_at__year=year).select_related(
        "organization"
    )


def meetings_for_person(
    *, person: Person, start: datetime.date, end: datetime.date
) -> list[Meeting]:
    """The meetings from `start` to `end` (inclusive) of the organizations where the person
    is a member or substitute on the day of the meeting, cancelled ones left out."""
    seats = list(Membership.objects.filter(person=person).overlapping(start, end))
    meetings = (
        Meeting.objects.filter(organization_id__in={seat.organization_id for seat in seats})
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("organization")
    )
    found = []
    for meeting in meetings:
        day = meeting_day(meeting)
        seated = any(
            seat.organization_id == meeting.organization_id
            and seat.start <= day
            and (seat.end is None or seat.end >= day)
            for seat in seats
        )
        if start <= day <= end and seated:
            found.append(meeting)
    return found


def seat_count(*, meeting: Meeting) -> int:
    """The organization's members (ledamöter) on the day of the meeting."""
    return members_on(organization=meeting.organization, on=meeting_day(meeting)).count()


def serving_members(*, meeting: Meeting, item: AgendaItem | None = None) -> list[Person]:
    """Who takes part in decisions: the members present and the substitutes serving for absent
    members; in an item, without those disqualified in it and with the substitutes serving in
    their place there."""
    rows = meeting.attendance.filter(present=True).select_related("person")
    serving = [
        row.person
        for row in rows
        if row.capacity == Attendance.Capacity.MEMBER
        or (row.capacity == Attendance.Capacity.SUBSTITUTE and row.serves_for_id is not None)
    ]
    if item is None:
        return serving
    disqualified = list(item.disqualifications.select_related("substitute"))
    out = {row.person_id for row in disqualified}
    return [person for person in serving if person.pk not in out] + [
        row.substitute for row in disqualified if row.substitute is not None
    ]


def quorum_of(*, meeting: Meeting, item: AgendaItem | None = None) -> rules.Quorum:
    """Whether the meeting (in the item, when one is given) has a quorum."""
    return rules.quorum(
        seat_count(meeting=meeting), len(serving_members(meeting=meeting, item=item))
    )


def ready_cases(*, organization: Organization) -> list[Case]:
    """Open cases whose preparation is ready for this organization (the current step of their
    route) and that pass the readiness check, not already on a pending item of one of its
    meetings; by case number."""
    on_agenda = AgendaItem.objects.filter(
        meeting__organization=organization, status=AgendaItem.Status.PENDING, case__isnull=False
    ).exclude(meeting__status=Meeting.Status.CANCELLED)
    cases = (
        Case.objects.filter(
            status=Case.Status.OPEN,
            preparation__status=Preparation.Status.READY,
            preparation__step__organization=organization,
        )
        .exclude(pk__in=on_agenda.values("case_id"))
        .select_related("organization")
        .order_by("opened_on", "sequence", "pk")
    )
    return [case for case in cases if case_readiness(case=case).ready]


def delegated_decisions_due(*, meeting: Meeting) -> QuerySet[Decision]:
    """The recorded delegated decisions owed to the meeting's organization, unreported on the
    day of the meeting and not waiting on another meeting's agenda (a pending item of a
    meeting not yet held)."""
    waiting = (
        AgendaItem.reported_decisions.through.objects.filter(
            agendaitem__status=AgendaItem.Status.PENDING,
            agendaitem__meeting__status__in=[
                Meeting.Status.PLANNED,
                Meeting.Status.CALLED,
                Meeting.Status.OPENED,
            ],
        )
        .exclude(agendaitem__meeting=meeting)
        .values("decision_id")
    )
    return decisions_unreported(organization=meeting.organization, on=meeting_day(meeting)).exclude(
        pk__in=waiting
    )


def current_postings(*, body: Body, on: datetime.date) -> QuerySet[Posting]:
    """What hangs on the body's notice board on the date: posted, not yet taken down."""
    return (
        Posting.objects.filter(
            meeting__organization__body=body, posted_on__lte=on, taken_down_on__gt=on
        )
        .select_related("meeting__organization", "item")
        .order_by("-posted_on", "-pk")
    )


def meeting_detail(*, meeting: Meeting) -> Meeting:
    """The meeting with everything its pages and documents show, in a fixed number of
    queries: items (with case, rapporteur, attachments, proposals, votes and ballots,
    disqualifications, dissents, notes, approvals, reported decisions), attendance,
    approvals and postings."""
    items = AgendaItem.objects.select_related(
        "case", "rapporteur", "rapporteur_named_by", "decision"
    ).prefetch_related(
        "attachments__document",
        Prefetch("proposals", Proposal.objects.select_related("proposer")),
        Prefetch(
            "votes",
            Vote.objects.select_related("yes_proposal", "no_proposal", "winner").prefetch_related(
                "ballots__person"
            ),
        ),
        Prefetch(
            "disqualifications", Disqualification.objects.select_related("person", "substitute")
        ),
        "dissents__person",
        "notes__person",
        "approvals__person",
        "reported_decisions",
    )
    return (
        Meeting.objects.select_related("organization__body", "chair", "secretary")
        .prefetch_related(
            Prefetch("items", items),
            Prefetch(
                "attendance",
                Attendance.objects.select_related("person", "serves_for", "membership"),
            ),
            "approvals__person",
            "postings",
        )
        .get(pk=meeting.pk)
    )

"""Demo meetings: Vänersborg's board (KS) with a plan for the year, and its latest meeting held
and approved, with a substitute serving, a roll-call vote, a dissent and the posting on the
notice board.

Written through the meetings services like any meeting. A board that already has meetings in
the year is left as it is, so a second load writes nothing.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from kansli.audit.services import Actor
from kansli.meetings import rules
from kansli.meetings import services as meetings
from kansli.meetings.models import AgendaItem, Attendance, Ballot, Meeting
from kansli.organisation.models import Body, Membership, Organization, Person

STOCKHOLM = ZoneInfo("Europe/Stockholm")
WEDNESDAY = 2
PLACE = "Sessionssalen, Kommunhuset"
CASE_TITLE = "Riktlinje för representation och gåvor"
PROPOSAL = "att anta riktlinjen för representation och gåvor"
COUNTER = "att återremittera ärendet för en konsekvensanalys"


def plan_days(year: int) -> list[datetime.date]:
    """The first Wednesday of every month but July."""
    days = []
    for month in (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12):
        first = datetime.date(year, month, 1)
        days.append(first + datetime.timedelta(days=(WEDNESDAY - first.weekday()) % 7))
    return days


def load_meetings_demo(*, actor: Actor = None) -> None:
    """Plan Vänersborg's board meetings of this year and hold the latest one already past."""
    body = Body.objects.filter(slug="vanersborg").first()
    if body is None:
        return
    board = Organization.objects.get(body=body, slug="ks")
    now = timezone.now()
    if Meeting.objects.filter(organization=board, starts_at__year=now.year).exists():
        return
    planned = [
        meetings.meeting_schedule(
            actor=actor,
            organization=board,
            starts_at=datetime.datetime.combine(day, datetime.time(13), tzinfo=STOCKHOLM),
            ends_at=datetime.datetime.combine(day, datetime.time(16), tzinfo=STOCKHOLM),
            place=PLACE,
        )
        for day in plan_days(now.year)
    ]
    past = [meeting for meeting in planned if meeting.ends_at is not None and meeting.ends_at < now]
    if past:
        hold_meeting(actor, past[-1])


def hold_meeting(actor: Actor, meeting: Meeting) -> None:
    """Hold the board's meeting as the demo does: the agenda built with a case, a member absent
    and the first substitute of the party serving, a roll-call vote and a dissent, the minutes
    approved on paper by the chair and a checker, and the posting on the notice board."""
    meetings.agenda_build(actor=actor, meeting=meeting)
    meetings.item_add(actor=actor, meeting=meeting, title=CASE_TITLE, proposal=PROPOSAL)
    rows = meetings.attendance_prefill(actor=actor, meeting=meeting)
    members = [row for row in rows if row.capacity == Attendance.Capacity.MEMBER]
    absent, seat = next(
        (row, row.membership)
        for row in members
        if row.membership is not None and row.membership.role == Membership.Role.MEMBER
    )
    meetings.attendance_set(actor=actor, meeting=meeting, person=absent.person, present=False)
    substitutes = [
        rules.Substitute(row.person, row.membership.party, row.membership.rank)
        for row in rows
        if row.capacity == Attendance.Capacity.SUBSTITUTE and row.membership is not None
    ]
    substitute = rules.substitute_order(substitutes, seat.party)[0].key
    if not isinstance(substitute, Person):
        raise TypeError(f"The substitutes are known by their person, not by {substitute!r}.")
    meetings.substitute_serve(
        actor=actor, meeting=meeting, substitute=substitute, serves_for=absent.person
    )
    meeting = meetings.meeting_open(actor=actor, meeting=meeting)
    checker = next(
        row.person for row in members if row is not absent and row.person != meeting.chair
    )
    meetings.minutes_checkers_set(actor=actor, meeting=meeting, persons=[checker])
    for item in meeting.items.order_by("position"):
        if item.kind == AgendaItem.Kind.CASE:
            _vote(actor, item)
        else:
            meetings.item_note(actor=actor, item=item, status=AgendaItem.Status.NOTED)
    meeting = meetings.meeting_close(actor=actor, meeting=meeting)
    meetings.minutes_send_for_approval(actor=actor, meeting=meeting)
    for person in (_chair(meeting), checker):
        meetings.minutes_approve(actor=actor, meeting=meeting, person=person)


def _chair(meeting: Meeting) -> Person:
    """The chair of an opened meeting: meeting_open refuses a meeting without one."""
    if meeting.chair is None:
        raise ValueError(f"{meeting} has no chair: it has not been opened.")
    return meeting.chair


def _vote(actor: Actor, item: AgendaItem) -> None:
    """A member of a party other than the chair's moves to refer the case back; a roll call
    between the two, that party voting for its own proposal and the rest for the prepared one;
    the mover dissents."""
    serving = item.meeting.attendance.filter(present=True).exclude(
        capacity=Attendance.Capacity.OFFICIAL
    )
    voters = {
        row.person: (row.membership.party if row.membership else "")
        for row in serving
        if row.capacity == Attendance.Capacity.MEMBER or row.serves_for_id is not None
    }
    chair_party = voters[_chair(item.meeting)]
    opposition = next(party for party in voters.values() if party != chair_party)
    mover = next(person for person, party in voters.items() if party == opposition)
    prepared = meetings.proposal_add(actor=actor, item=item, text=item.proposal)
    counter = meetings.proposal_add(actor=actor, item=item, text=COUNTER, proposer=mover)
    ballots = {
        person: Ballot.Choice.NO if party == opposition else Ballot.Choice.YES
        for person, party in voters.items()
    }
    meetings.vote_record(
        actor=actor, item=item, yes_proposal=prepared, no_proposal=counter, ballots=ballots
    )
    meetings.dissent_record(
        actor=actor,
        item=item,
        person=mover,
        reasons="Konsekvenserna för nämnderna är inte utredda.",
    )

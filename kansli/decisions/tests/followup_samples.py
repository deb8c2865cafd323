"""Rows for the tests of execution and assignments, in Vänersborg's demo data: a decision of
the board at its meeting, the demo users by name, a meeting of the board with the decision on
its agenda."""

import datetime
from zoneinfo import ZoneInfo

from kansli.accounts.models import User
from kansli.audit import services as audit
from kansli.decisions.models import Decision
from kansli.decisions.services import meeting_decision_record
from kansli.meetings import services as meetings
from kansli.meetings.models import AgendaItem, Meeting
from kansli.organisation.models import Body, Organization

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def user(username: str) -> User:
    """A demo user: direktor, sekreterare, handlaggare, registrator, ledamot, admin."""
    return User.objects.select_related("person").get(username=username)


def organ(body: Body, slug: str) -> Organization:
    return Organization.objects.get(body=body, slug=slug)


def board_decision(
    body: Body, title: str, decided_on: datetime.date, minute_number: int = 1
) -> Decision:
    """A decision of the board (kommunstyrelsen) at its meeting that day."""
    board = organ(body, "ks")
    return meeting_decision_record(
        actor=None,
        organization=board,
        decided_on=decided_on,
        title=title,
        text=f"att {title.lower()}",
        case_reference="KS 2026/1",
        minutes=f"KS {decided_on:%Y-%m-%d}",
        minute_number=minute_number,
    )


def board_meeting(body: Body, day: datetime.date, organization: str = "ks") -> Meeting:
    """A meeting of the board planned by the demo secretary."""
    return meetings.meeting_schedule(
        actor=user("sekreterare"),
        organization=organ(body, organization),
        starts_at=datetime.datetime.combine(day, datetime.time(9), tzinfo=STOCKHOLM),
        place="Sessionssalen",
    )


def decided_at(meeting: Meeting, decision: Decision) -> AgendaItem:
    """The decision as the paragraph of an item of the meeting's agenda."""
    item = meetings.item_add(
        actor=user("sekreterare"), meeting=meeting, title=decision.title, kind="case"
    )
    return audit.update(actor=None, instance=item, decision=decision)

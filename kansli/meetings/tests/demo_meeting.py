"""Vänersborg's board in the demo, and a meeting of it taken through the services by the
system to the state a test needs: planned with one item, everyone present, in session with a
minutes checker, the item decided, the meeting closed."""

import datetime

from django.utils import timezone

from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.organisation.models import Organization, Person
from kansli.organisation.selectors import members_on, substitutes_on
from kansli.tests.refusals import Demo

BODY = "vanersborg"
ITEM = "Budget 2027"


def board(demo: Demo) -> Organization:
    return Organization.objects.get(body=demo[BODY], slug="ks")


def members(demo: Demo) -> list[Person]:
    return [seat.person for seat in members_on(organization=board(demo), on=today())]


def substitutes(demo: Demo) -> list[Person]:
    return [seat.person for seat in substitutes_on(organization=board(demo), on=today())]


def today() -> datetime.date:
    return timezone.localdate()


def planned(demo: Demo) -> Meeting:
    """A meeting of the board that began an hour ago (at midnight, if that was yesterday), still
    only planned, with one item."""
    midnight = timezone.make_aware(datetime.datetime.combine(today(), datetime.time.min))
    meeting = services.meeting_schedule(
        actor=None,
        organization=board(demo),
        starts_at=max(timezone.now() - datetime.timedelta(hours=1), midnight),
        place="Sessionssalen",
    )
    services.item_add(actor=None, meeting=meeting, title=ITEM, proposal="Att bifalla.")
    return meeting


def present(demo: Demo) -> Meeting:
    """The planned meeting with the members and substitutes entered as present."""
    meeting = planned(demo)
    services.attendance_prefill(actor=None, meeting=meeting)
    return meeting


def opened(demo: Demo) -> Meeting:
    """The meeting in session, the second member its minutes checker."""
    meeting = present(demo)
    meeting = services.meeting_open(actor=None, meeting=meeting)
    services.minutes_checkers_set(actor=None, meeting=meeting, persons=[members(demo)[1]])
    return meeting


def item(meeting: Meeting) -> AgendaItem:
    return meeting.items.get(title=ITEM)


def second_item(demo: Demo) -> AgendaItem:
    return services.item_add(actor=None, meeting=planned(demo), title="Information")


def decided(demo: Demo) -> AgendaItem:
    """The item decided by acclamation in the meeting in session."""
    return services.item_decide(actor=None, item=item(opened(demo)))


def closed(demo: Demo) -> Meeting:
    meeting = decided(demo).meeting
    return services.meeting_close(actor=None, meeting=meeting)

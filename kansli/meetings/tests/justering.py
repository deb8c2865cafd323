"""The board's meeting of 1 December 2026 (conftest's `ks` and `meeting`, sitting's agenda of a
public and a secret case) taken to justering on a clock set for each step, for the tests of
frozen and signed minutes."""

import datetime
from collections.abc import Callable

from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.meetings.tests import sitting
from kansli.meetings.tests.conftest import DAY, Board, at

Clock = Callable[[datetime.datetime], None]
SENT_AT = at(DAY, 16)
SIGNED_ON = DAY + datetime.timedelta(days=2)


def sent(ks: Board, meeting: Meeting, clock: Clock) -> Meeting:
    """Called a week before, held on its day with both cases decided by acclamation, closed
    and its minutes sent for justering at 16."""
    clock(at(DAY - datetime.timedelta(days=7), 9))
    sitting.called(meeting)
    clock(at(DAY, 11))
    services.attendance_prefill(actor=None, meeting=meeting)
    services.meeting_open(actor=None, meeting=meeting)
    services.minutes_checkers_set(actor=None, meeting=meeting, persons=[ks.bo])
    for item in meeting.items.filter(case__isnull=False):
        services.item_decide(actor=None, item=item)
    clock(at(DAY, 15))
    services.meeting_close(actor=None, meeting=meeting)
    clock(SENT_AT)
    services.minutes_send_for_approval(actor=None, meeting=meeting)
    clock(at(SIGNED_ON, 9))
    return Meeting.objects.get(pk=meeting.pk)


def approved(ks: Board, meeting: Meeting, clock: Clock) -> Meeting:
    """Sent for justering, and signed on paper by the chair and the checker two days later,
    which the secretary records: approved and posted."""
    meeting = sent(ks, meeting, clock)
    for person in (ks.chair, ks.bo):
        services.minutes_approve(actor=None, meeting=meeting, person=person)
    return Meeting.objects.get(pk=meeting.pk)

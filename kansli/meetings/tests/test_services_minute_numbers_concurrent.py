"""Four processes, each with its own database connection, deal with the items of four meetings
of the same board in the same year at the same time: every paragraph (§) is handed out once,
with no gaps, and the year's series is made only once."""

import multiprocessing

import pytest
from django.db import connection, connections

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting, MinuteSeries
from kansli.meetings.tests.conftest import DAY, Board, at

PROCESSES = 4
ITEMS_EACH = 10


def decide_all(meeting_pk: int) -> None:
    if connection.vendor == "sqlite":
        # SQLite lets one writer in at a time and does not queue the others fairly.
        connection.settings_dict["OPTIONS"]["timeout"] = 600
    for item in AgendaItem.objects.filter(meeting_id=meeting_pk).order_by("position"):
        services.item_decide(actor=None, item=item)
    connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_concurrent_meetings_get_every_paragraph_once_without_gaps(
    secretary: User, ks: Board
) -> None:
    meetings = []
    for day in range(PROCESSES):
        meeting = services.meeting_schedule(
            actor=secretary, organization=ks.organization, starts_at=at(DAY, 8 + day)
        )
        services.attendance_prefill(actor=secretary, meeting=meeting)
        for n in range(ITEMS_EACH):
            services.item_add(actor=secretary, meeting=meeting, title=f"Punkt {n}", proposal="Ja")
        meetings.append(services.meeting_open(actor=secretary, meeting=meeting))

    connections.close_all()
    with multiprocessing.get_context("fork").Pool(PROCESSES) as pool:
        pool.map(decide_all, [meeting.pk for meeting in meetings])

    numbers = sorted(
        AgendaItem.objects.filter(meeting__in=meetings).values_list("minute_number", flat=True)
    )
    assert numbers == list(range(1, PROCESSES * ITEMS_EACH + 1))
    assert MinuteSeries.objects.get(organization=ks.organization, year=2026).next_number == 41
    for meeting in Meeting.objects.filter(pk__in=[m.pk for m in meetings]):
        mine = list(meeting.items.order_by("position").values_list("minute_number", flat=True))
        assert mine == sorted(mine)

"""The public's boards and lists of meetings ask the database as many times with many rows as
with a few (issue 16, item 6): the anslagstavla, to the public and to the secretary who posts
on it, and the portal's list of approved minutes. (The decision list, delegates' decisions
among them, and the calendar of meetings are counted in test_query_counts.)"""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.audit import services as audit
from kansli.meetings import services as meetings
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Organization
from kansli.tests.test_query_counts import FEW, MANY, STOCKHOLM, queries_of, signed_in, user_of


@pytest.fixture
def secretary(body: Body) -> User:
    return user_of(body, "ebba", Role.SECRETARY)


def assert_flat_rows(client: Client, url: str, add: Callable[[int, int], None], row: str) -> None:
    """The page costs as many queries with FEW rows as with MANY, and shows them all (`row`
    once on the page for each)."""
    add(0, FEW)
    few, text = queries_of(client, url)
    assert text.count(row) == FEW
    add(FEW, MANY)
    many, text = queries_of(client, url)
    assert text.count(row) == MANY
    assert many == few, f"{url}: {few} queries with {FEW} rows, {many} with {MANY}"


@pytest.fixture
def add_notices(body: Body, secretary: User) -> Callable[[int, int], None]:
    def add(first: int, last: int) -> None:
        for number in range(first, last):
            meetings.notice_post(
                actor=secretary,
                body=body,
                title=f"Kungörelse om samråd {number}",
                text="Planförslaget finns att läsa i kommunhuset.",
                taken_down_on=timezone.localdate() + datetime.timedelta(days=21),
            )

    return add


@pytest.mark.parametrize("as_secretary", [False, True])
def test_the_anslagstavla_costs_the_same_with_more_notices(
    secretary: User, add_notices: Callable[[int, int], None], as_secretary: bool
) -> None:
    client = signed_in(secretary) if as_secretary else Client()
    assert_flat_rows(client, "/vanersborg/anslagstavla/", add_notices, "Kungörelse om samråd")


@pytest.fixture
def add_approved(board: Organization, secretary: User) -> Callable[[int, int], None]:
    """Meetings of last year whose minutes are approved (their status set as justering sets
    it: the list reads nothing else of them)."""
    start = datetime.date(timezone.localdate().year - 1, 2, 1)

    def add(first: int, last: int) -> None:
        for number in range(first, last):
            day = start + datetime.timedelta(days=number)
            meeting = meetings.meeting_schedule(
                actor=secretary,
                organization=board,
                starts_at=datetime.datetime.combine(day, datetime.time(10), STOCKHOLM),
            )
            audit.update(actor=None, instance=meeting, status=Meeting.Status.APPROVED)

    return add


def test_the_portals_minutes_cost_the_same_with_more_meetings(
    add_approved: Callable[[int, int], None],
) -> None:
    url = f"/vanersborg/protokoll/?ar={timezone.localdate().year - 1}"
    assert_flat_rows(Client(), url, add_approved, "Dagordning Kommunstyrelsen")

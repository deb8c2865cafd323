"""Helpers of the duty dashboard's tests, in the demo data: the demo users, the board's chair,
and the dashboard's lines as the page gives them."""

import datetime
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.followup.duties import DutyLine
from kansli.meetings import services as meetings
from kansli.meetings.models import Meeting
from kansli.organisation import selectors as who
from kansli.organisation.models import Body, Membership, Organization

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def user(username: str) -> User:
    """A demo user: direktor, sekreterare, handlaggare, registrator, ledamot, admin (Vänersborg),
    the same with the prefix "blekinge-" (Region Blekinge)."""
    return User.objects.select_related("person").get(username=username)


def client_of(who_signs_in: User) -> Client:
    client = Client()
    client.force_login(who_signs_in)
    return client


def board(body: Body) -> Organization:
    return Organization.objects.get(body=body, kind=Organization.Kind.EXECUTIVE_BOARD)


def chair_user(body: Body, on: datetime.date) -> User:
    """The board's chair, signed up as an elected member."""
    seat = who.members_on(organization=board(body), on=on).get(role=Membership.Role.CHAIR)
    return user_create(
        actor=None,
        username="ordforande",
        password=None,
        roles=[Role.ELECTED_MEMBER],
        person=seat.person,
    )


def dashboard_url(body: Body) -> str:
    return reverse("followup:duty_dashboard", args=[body.slug])


def lines_seen(client: Client, body: Body, number: str) -> list[DutyLine]:
    """The lines of the duty numbered `number` ("4.1.1", "Styrelsen 9") on the dashboard."""
    response = client.get(dashboard_url(body))
    assert response.status_code == 200
    return [line for line in response.context["lines"] if line.number == number]


def line_seen(client: Client, body: Body, number: str, selector: str) -> DutyLine:
    """The line of the duty whose evidence the named selector (its function's name) gives."""
    [line] = [
        line
        for line in lines_seen(client, body, number)
        if line.selector and line.selector.rsplit(".", 1)[1] == selector
    ]
    return line


def board_meeting(body: Body, day: datetime.date) -> Meeting:
    """A meeting of the board, planned by the system."""
    return meetings.meeting_schedule(
        actor=None,
        organization=board(body),
        starts_at=datetime.datetime.combine(day, datetime.time(9), tzinfo=STOCKHOLM),
    )

"""Mina sammanträden: a member's or substitute's coming meetings in their own organs, with
their status, the notice and the members' packet once called, and the absence report; linked
in the navigation for those with a seat. The secretary sees the reports on the attendance page."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from time_machine import TimeMachineFixture

from kansli.accounts.models import User
from kansli.accounts.services import user_create
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, Board
from kansli.meetings.tests.own_side import account, week_before
from kansli.meetings.tests.sitting import called
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization

PAGE = reverse("meetings:my_meetings", args=["vanersborg"])


@pytest.fixture(autouse=True)
def before_the_meeting(time_machine: TimeMachineFixture) -> None:
    week_before(time_machine)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def packet(meeting: Meeting) -> str:
    return reverse(
        "meetings:meeting_document", args=["vanersborg", meeting.pk, "ledamotshandlingar"]
    )


def test_the_member_sees_the_coming_meetings_of_their_own_organs(
    ks: Board, meeting: Meeting, schedule: Callable[..., Meeting], body: Body
) -> None:
    committee = organisation.organization_create(
        actor=None, body=body, kind=Organization.Kind.COMMITTEE, slug="sn", name="Socialnämnden"
    )
    elsewhere = schedule(DAY + datetime.timedelta(days=1), organization=committee)
    later = schedule(DAY + datetime.timedelta(days=21))
    called(meeting)

    html = signed_in(account(ks.bo)).get(PAGE).content.decode()

    assert f'id="sammantrade-{meeting.pk}"' in html
    assert f'id="sammantrade-{later.pk}"' in html
    assert f'id="sammantrade-{elsewhere.pk}"' not in html
    assert packet(meeting) in html  # called: the notice and the packet
    assert packet(later) not in html  # only planned
    assert "Kallad" in html
    assert "Inte kallad ännu" in html


def test_reporting_and_withdrawing_absence_on_the_page(
    ks: Board, meeting: Meeting, secretary: User
) -> None:
    account(ks.frida)
    client = signed_in(account(ks.cecilia))
    report = reverse("meetings:absence_report", args=["vanersborg", meeting.pk])
    withdraw = reverse("meetings:absence_withdraw", args=["vanersborg", meeting.pk])

    reported = client.post(report, {f"forhinder-{meeting.pk}-meddelande": "Sjuk"})
    after = client.get(PAGE).content.decode()
    substitute = signed_in(ks.frida.user).get(PAGE).content.decode()
    session = signed_in(secretary).get(
        reverse("meetings:meeting_session", args=["vanersborg", meeting.pk])
    )
    withdrawn = client.post(withdraw)

    assert reported.status_code == 302
    assert "Anmält förhinder" in after
    assert "Ditt meddelande: Sjuk" in after
    assert "Tjänstgör för Cecilia Ceder" in substitute
    assert "Förhinder anmält" in session.content.decode()
    assert withdrawn.status_code == 302
    assert "Anmält förhinder" not in client.get(PAGE).content.decode()


def test_a_refused_report_shows_on_the_page(ks: Board, meeting: Meeting) -> None:
    client = signed_in(account(ks.bo))
    withdraw = reverse("meetings:absence_withdraw", args=["vanersborg", meeting.pk])

    response = client.post(withdraw)

    assert response.status_code == 400
    assert "Du har inte anmält förhinder till sammanträdet." in response.content.decode()


def test_the_navigation_links_the_page_for_those_with_a_seat_only(
    ks: Board, meeting: Meeting, secretary: User
) -> None:
    home = reverse("web:home")

    assert PAGE in signed_in(account(ks.bo)).get(home).content.decode()
    assert PAGE not in signed_in(secretary).get(home).content.decode()


def test_those_without_a_seat_are_refused(ks: Board, meeting: Meeting, secretary: User) -> None:
    blekinge = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    person = organisation.person_create(
        actor=None, body=blekinge, given_name="Olle", family_name="Annan"
    )
    other = user_create(actor=None, username="olle", password=None, person=person)
    report = reverse("meetings:absence_report", args=["vanersborg", meeting.pk])

    assert signed_in(secretary).get(PAGE).status_code == 403
    assert signed_in(other).get(PAGE).status_code == 403
    assert signed_in(other).post(report).status_code == 403
    assert Client().get(PAGE).status_code == 302
    assert not meeting.attendance.exists()

"""The public side: the calendar, the public agenda with secret cases masked, the minutes once
approved, the notice board with its current postings, and the iCalendar feeds."""

import datetime
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from time_machine import TimeMachineFixture

from kansli import legal_time
from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import (
    PUBLIC_TITLE,
    SECRET_TITLE,
    approved,
    called,
    page,
    signed_in,
)

CALENDAR = reverse("meetings:public_calendar", args=["vanersborg"])
BOARD = reverse("meetings:posting_board", args=["vanersborg"])
MASKED = "[Sekretess enligt OSL 26 kap. 1 §]"


def test_the_calendar_lists_coming_meetings_and_links_the_called_ones(
    schedule: Callable[..., Meeting], meeting: Meeting, time_machine: TimeMachineFixture
) -> None:
    time_machine.move_to(at(DAY - datetime.timedelta(days=7), 12))  # the week before the meeting
    planned = schedule(DAY + datetime.timedelta(days=14))
    meeting = called(meeting)

    html = Client().get(CALENDAR).content.decode()

    assert page("meetings:public_agenda", meeting) in html
    assert page("meetings:public_agenda", planned) not in html
    assert "Ej kallat" in html
    assert reverse("meetings:organization_feed", args=["vanersborg", "ks"]) in html


def test_the_public_agenda_masks_the_secret_case(meeting: Meeting) -> None:
    meeting = called(meeting)

    response = Client().get(page("meetings:public_agenda", meeting))

    html = response.content.decode()
    assert response.status_code == 200
    assert PUBLIC_TITLE in html
    assert SECRET_TITLE not in html
    assert MASKED in html


def test_the_public_agenda_reads_as_the_public_for_signed_in_staff_too(
    secretary: User, meeting: Meeting
) -> None:
    meeting = called(meeting)

    html = signed_in(secretary).get(page("meetings:public_agenda", meeting)).content.decode()

    assert SECRET_TITLE not in html


def test_a_meeting_not_yet_called_has_no_public_agenda_nor_packet(meeting: Meeting) -> None:
    client = Client()

    for name in ("meetings:public_agenda", "meetings:public_packet"):
        assert client.get(page(name, meeting)).status_code == 404


def test_the_public_packet_of_a_called_meeting_is_a_pdf(meeting: Meeting) -> None:
    meeting = called(meeting)

    response = Client().get(page("meetings:public_packet", meeting))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_the_public_minutes_come_only_once_approved(
    ks: Board,
    schedule: Callable[..., Meeting],
    meeting: Meeting,
    frozen_now: Callable[[datetime.datetime], None],
) -> None:
    meeting = called(meeting)
    client = Client()
    assert client.get(page("meetings:public_minutes", meeting)).status_code == 404

    frozen_now(at(DAY, 15))
    meeting = approved(ks, schedule(DAY))
    minutes = client.get(page("meetings:public_minutes", meeting))

    assert minutes.status_code == 200
    assert minutes.content.startswith(b"%PDF")


def test_the_notice_board_shows_the_posting_with_its_dates_and_nothing_secret(
    ks: Board, meeting: Meeting, frozen_now: Callable[[datetime.datetime], None]
) -> None:
    frozen_now(at(DAY, 15))
    approved(ks, meeting)
    period = legal_time.appeal_deadline(DAY)

    response = Client().get(BOARD)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Kommunstyrelsen 2026-12-01" in html
    for day in (DAY, period.last_day, period.taken_down):
        assert day.isoformat() in html
    assert "Kommunkansliet, Vänersborgs kommun" in html
    assert SECRET_TITLE not in html


def test_the_notice_board_leaves_out_a_posting_taken_down(
    ks: Board, meeting: Meeting, frozen_now: Callable[[datetime.datetime], None]
) -> None:
    frozen_now(at(DAY, 15))
    approved(ks, meeting)
    taken_down = legal_time.appeal_deadline(DAY).taken_down

    frozen_now(at(taken_down - datetime.timedelta(days=1)))
    still_up = Client().get(BOARD).content.decode()
    frozen_now(at(taken_down))
    gone = Client().get(BOARD).content.decode()

    assert "Kommunstyrelsen 2026-12-01" in still_up
    assert "Kommunstyrelsen 2026-12-01" not in gone
    assert "Inga tillkännagivanden är anslagna just nu." in gone


def test_the_organizations_feed_is_public(meeting: Meeting) -> None:
    called(meeting)

    response = Client().get(reverse("meetings:organization_feed", args=["vanersborg", "ks"]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content


def test_a_person_gets_their_own_feed_and_not_someone_elses(ks: Board, meeting: Meeting) -> None:
    called(meeting)
    bo = user_create(
        actor=None, username="bo", password=None, roles=[Role.ELECTED_MEMBER], person=ks.bo
    )
    client = signed_in(bo)

    own = client.get(reverse("meetings:person_feed", args=["vanersborg", ks.bo.pk]))
    other = client.get(reverse("meetings:person_feed", args=["vanersborg", ks.cecilia.pk]))
    anonymous = Client().get(reverse("meetings:person_feed", args=["vanersborg", ks.bo.pk]))

    assert own.status_code == 200
    assert b"BEGIN:VEVENT" in own.content
    assert (
        reverse("meetings:my_meetings", args=["vanersborg"])
        in client.get(CALENDAR).content.decode()
    )
    assert other.status_code == 403
    assert anonymous.status_code == 302

"""The notice by e-mail with its PDF and invitation, and officials at the meeting: the director
in the board as of right, in another committee only after the consultation of seed 002 5.2.1."""

import datetime
from collections.abc import Callable

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import Attendance, Meeting
from kansli.meetings.tests.conftest import DAY, Board, at, seat_board
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization


@pytest.fixture(autouse=True)
def before_the_meeting(frozen_now: Callable[[datetime.datetime], None]) -> None:
    """The notice goes out before the meeting: the clock ten days before it."""
    frozen_now(at(DAY - datetime.timedelta(days=10)))


def test_the_notice_goes_to_members_and_substitutes_with_pdf_and_invitation(
    secretary: User, meeting: Meeting, ks: Board, django_capture_on_commit_callbacks: Callable
) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)

    with django_capture_on_commit_callbacks(execute=True):
        deliveries = services.notice_send(actor=secretary, meeting=meeting)

    assert {d.person for d in deliveries} == {
        ks.chair,
        ks.bo,
        ks.cecilia,
        ks.david,
        ks.erik,
        ks.frida,
        ks.gustav,
    }
    assert len(mail.outbox) == 7
    message = next(m for m in mail.outbox if m.to == ["anna@example.se"])
    assert message.subject == "Kallelse till Kommunstyrelsen 2026-12-01"
    kinds = {mimetype for _name, _content, mimetype in message.attachments}
    assert kinds == {"application/pdf", "text/calendar; method=REQUEST"}
    pdf = next(c for _n, c, m in message.attachments if m == "application/pdf")
    assert pdf.startswith(b"%PDF")
    invitation = next(c for _n, c, m in message.attachments if m == "text/calendar; method=REQUEST")
    assert "METHOD:REQUEST" in invitation
    # RFC 6047 2.4: the part's method parameter is the calendar's METHOD, its charset utf-8.
    (part,) = (p for p in message.message().walk() if p.get_content_type() == "text/calendar")
    assert part.get_param("method") == "REQUEST"
    assert part.get_content_charset() == "utf-8"
    assert part["Content-Type"] == 'text/calendar; method="REQUEST"; charset="utf-8"'
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CALLED
    assert meeting.notice_sent_at is not None


def test_no_notice_with_an_empty_agenda(secretary: User, meeting: Meeting) -> None:
    with pytest.raises(ValidationError, match="Dagordningen är tom"):
        services.notice_send(actor=secretary, meeting=meeting)
    assert not mail.outbox


def test_no_notice_for_a_cancelled_meeting(secretary: User, meeting: Meeting) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)
    services.meeting_cancel(actor=secretary, meeting=meeting, reason="Inga ärenden.")

    with pytest.raises(ValidationError, match="inställt"):
        services.notice_send(actor=secretary, meeting=meeting)
    assert not mail.outbox


@pytest.fixture
def social_committee(body: Body, ks: Board) -> Organization:
    committee = organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.COMMITTEE,
        slug="sn",
        name="Socialnämnden",
        short_name="SN",
    )
    seat_board(body, committee, ks.director)
    return committee


def test_the_director_attends_the_board_as_of_right(
    secretary: User, meeting: Meeting, ks: Board
) -> None:
    row = services.official_attend(
        actor=secretary,
        meeting=meeting,
        person=ks.director,
        may_speak=True,
        basis="Kommundirektörsinstruktionen 4.1.3",
    )

    assert (row.capacity, row.may_speak, row.present) == (Attendance.Capacity.OFFICIAL, True, True)


def test_the_consultation_must_come_before_the_meeting(
    secretary: User, schedule: Callable[..., Meeting], ks: Board, social_committee: Organization
) -> None:
    meeting = schedule(organization=social_committee)
    after = datetime.date(2026, 12, 2)

    with pytest.raises(ValidationError, match="före sammanträdet"):
        services.official_attend(
            actor=secretary,
            meeting=meeting,
            person=ks.director,
            may_speak=True,
            basis="Kommundirektörsinstruktionen 5.2.1",
            board_chair_consulted_on=after,
            committee_chair_notified_on=after,
            department_head_notified_on=after,
        )

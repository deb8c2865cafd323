"""Anmäl förhinder: a member or substitute reports their own absence before the meeting is
opened; the next free substitute in order is called to serve and told by e-mail, and the
secretary is told, also when nobody is left. The report can be withdrawn before the meeting,
which gives the seat back."""

from collections.abc import Callable

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from pytest_django.fixtures import Settings
from time_machine import TimeMachineFixture

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import Attendance, Delivery, Meeting
from kansli.meetings.tests.conftest import DAY, Board, at, seat
from kansli.meetings.tests.own_side import account, week_before
from kansli.meetings.tests.sitting import PUBLIC_TITLE, SECRET_TITLE, called
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization, Person
from kansli.tests.crawl import pdf_text

Capture = Callable[..., object]


@pytest.fixture(autouse=True)
def before_the_meeting(time_machine: TimeMachineFixture) -> None:
    week_before(time_machine)


def row(meeting: Meeting, person: Person) -> Attendance:
    return meeting.attendance.get(person=person)


def mail_to(address: str) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if address in message.to]


def report(capture: Capture, meeting: Meeting, person: Person, note: str = "") -> Attendance:
    """The person reports their absence, the e-mails going out after the commit."""
    with capture(execute=True):
        return services.absence_report(actor=person.user, meeting=meeting, note=note)


@pytest.fixture
def capture(django_capture_on_commit_callbacks: Capture) -> Capture:
    return django_capture_on_commit_callbacks


@pytest.fixture
def members(ks: Board) -> Board:
    """Accounts for everyone of the board."""
    for person in (ks.chair, ks.bo, ks.cecilia, ks.david, ks.erik, ks.frida, ks.gustav):
        account(person)
    return ks


def test_the_absent_member_is_replaced_by_the_first_substitute_of_the_party(
    members: Board, meeting: Meeting, secretary: User, capture: Capture
) -> None:
    reported = report(capture, meeting, members.cecilia, "Sjuk")

    assert not reported.present
    assert reported.absence_reported_at is not None
    assert reported.absence_note == "Sjuk"
    # Cecilia is S: Frida (S, 2) before Erik (M, 1).
    assert row(meeting, members.frida).serves_for == members.cecilia
    assert row(meeting, members.erik).serves_for is None
    called_mail = mail_to("frida@example.se")
    assert len(called_mail) == 1
    assert "Du kallas att tjänstgöra för Cecilia Ceder" in called_mail[0].body
    assert "2026-12-01" in called_mail[0].body
    told = mail_to(secretary.person.email)
    assert len(told) == 1
    assert "Cecilia Ceder har anmält förhinder" in told[0].body
    assert "Meddelande: Sjuk" in told[0].body
    assert "Frida Fors är kallad att tjänstgöra för Cecilia Ceder" in told[0].body


def test_a_member_of_a_party_without_substitutes_gets_the_first_in_rank(
    members: Board, meeting: Meeting, capture: Capture
) -> None:
    report(capture, meeting, members.david)

    assert row(meeting, members.erik).serves_for == members.david


def test_the_called_substitute_gets_the_notice_once_it_has_gone_out(
    members: Board, meeting: Meeting, capture: Capture
) -> None:
    called(meeting)
    mail.outbox.clear()

    report(capture, meeting, members.bo)

    message = mail_to("erik@example.se")[0]
    assert "Kallelsen med föredragningslistan är bifogad." in message.body
    [(_name, content, kind)] = message.attachments
    assert kind == "application/pdf"
    # The public notice, as every e-mail: the secret case's title masked.
    assert PUBLIC_TITLE in pdf_text(content)
    assert SECRET_TITLE not in pdf_text(content)


def test_a_substitute_called_who_reports_absence_is_replaced_by_the_next(
    members: Board, meeting: Meeting, capture: Capture
) -> None:
    report(capture, meeting, members.cecilia)
    mail.outbox.clear()

    report(capture, meeting, members.frida)

    assert row(meeting, members.frida).serves_for is None
    assert row(meeting, members.gustav).serves_for == members.cecilia
    assert "Du kallas att tjänstgöra för Cecilia Ceder" in mail_to("gustav@example.se")[0].body


def test_with_no_substitute_left_the_secretary_is_told(
    members: Board, meeting: Meeting, secretary: User, capture: Capture
) -> None:
    for substitute in (members.erik, members.frida, members.gustav):
        report(capture, meeting, substitute)
    mail.outbox.clear()

    report(capture, meeting, members.bo)

    assert not meeting.attendance.filter(serves_for__isnull=False).exists()
    told = mail_to(secretary.person.email)
    assert len(told) == 1
    assert "Ingen ersättare kunde kallas för Bo Berg" in told[0].body
    assert len(mail.outbox) == 1


def test_withdrawing_gives_the_seat_back_and_tells_the_substitute(
    members: Board, meeting: Meeting, secretary: User, capture: Capture
) -> None:
    report(capture, meeting, members.cecilia, "Sjuk")
    mail.outbox.clear()

    with capture(execute=True):
        back = services.absence_withdraw(actor=members.cecilia.user, meeting=meeting)

    assert back.present
    assert back.absence_reported_at is None
    assert back.absence_note == ""
    assert row(meeting, members.frida).serves_for is None
    assert "du tjänstgör inte längre" in mail_to("frida@example.se")[0].body
    told = mail_to(secretary.person.email)[0].body
    assert "Cecilia Ceder har återtagit sin anmälan om förhinder" in told
    assert "Frida Fors tjänstgör inte längre för Cecilia Ceder" in told


def test_absence_is_reported_once_and_withdrawn_only_when_reported(
    members: Board, meeting: Meeting, capture: Capture
) -> None:
    with pytest.raises(ValidationError, match="inte anmält förhinder"):
        services.absence_withdraw(actor=members.bo.user, meeting=meeting)
    report(capture, meeting, members.bo)

    with pytest.raises(ValidationError, match="redan anmält förhinder"):
        report(capture, meeting, members.bo)


def test_no_report_once_the_meeting_is_opened(
    members: Board,
    meeting: Meeting,
    secretary: User,
    capture: Capture,
    time_machine: TimeMachineFixture,
) -> None:
    services.item_add(actor=secretary, meeting=meeting, title="Information")
    services.attendance_prefill(actor=secretary, meeting=meeting)
    time_machine.move_to(at(DAY, 10))
    services.meeting_open(actor=secretary, meeting=meeting)

    with pytest.raises(ValidationError, match="pågår") as refused:
        report(capture, meeting, members.bo)

    assert refused.value.code == "conflict"
    assert row(meeting, members.bo).present


def test_only_the_organs_own_members_and_substitutes_report_and_only_for_themselves(
    members: Board, meeting: Meeting, secretary: User, body: object
) -> None:
    with pytest.raises(PermissionDenied):
        services.absence_report(actor=secretary, meeting=meeting)
    with pytest.raises(PermissionDenied):
        services.absence_report(actor=account(members.director), meeting=meeting)

    assert not meeting.attendance.exists()


@pytest.fixture
def council(members: Board, schedule: Callable[..., Meeting]) -> Meeting:
    """A meeting of the council, where Anna (S), Bo (M), Cecilia (S) and David (SD) are members
    and Erik (M) and Frida (S) substitutes."""
    kf = organisation.organization_create(
        actor=None,
        body=members.organization.body,
        kind=Organization.Kind.COUNCIL,
        slug="kf",
        name="Kommunfullmäktige",
    )
    role = Membership.Role
    for who, party in (
        (members.chair, "S"),
        (members.bo, "M"),
        (members.cecilia, "S"),
        (members.david, "SD"),
    ):
        seat(who, kf, role.MEMBER, party, 1)
    seat(members.erik, kf, role.SUBSTITUTE, "M", 1)
    seat(members.frida, kf, role.SUBSTITUTE, "S", 1)
    return schedule(organization=kf)


def test_in_the_council_only_a_substitute_of_the_members_party_is_called(
    members: Board, council: Meeting, secretary: User, capture: Capture
) -> None:
    report(capture, council, members.cecilia)
    assert row(council, members.frida).serves_for == members.cecilia
    mail.outbox.clear()

    report(capture, council, members.david)

    assert row(council, members.erik).serves_for is None
    told = mail_to(secretary.person.email)[0].body
    assert "Ingen ersättare kunde kallas för David Dahl" in told
    assert "KL 5 kap." in told


def test_a_mail_server_that_fails_does_not_undo_the_report(
    members: Board, meeting: Meeting, capture: Capture, settings: Settings
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on discard

    report(capture, meeting, members.bo)

    assert row(meeting, members.erik).serves_for == members.bo
    # The letters failed, each with the server's answer, on the secretary's list of deliveries.
    assert {(d.state, "refused" in d.answer.lower()) for d in meeting.deliveries.all()} == {
        (Delivery.State.FAILED, True)
    }

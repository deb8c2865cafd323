"""Cancelling a meeting records why and sends an iCalendar CANCEL of the same event (same UID,
SEQUENCE one above the last invitation, STATUS:CANCELLED) to every address the notice went to."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from icalendar import Calendar

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, Board, at

Clock = Callable[[datetime.datetime], None]


def ics(message: mail.EmailMessage) -> Calendar:
    content = next(c for _n, c, m in message.attachments if m.startswith("text/calendar"))
    return Calendar.from_ical(content)


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Callable[[], Any]:
    """A block whose writes are taken as committed: the e-mails they queue are sent at its
    end (the test's own transaction never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def called(
    secretary: User, meeting: Meeting, frozen_now: Clock, committed: Callable[[], Any]
) -> Meeting:
    """The meeting's notice sent ten days ahead."""
    frozen_now(at(DAY - datetime.timedelta(days=10)))
    services.agenda_build(actor=secretary, meeting=meeting)
    with committed():
        services.notice_send(actor=secretary, meeting=meeting)
    return meeting


def test_everyone_called_gets_a_cancel_of_the_same_event(
    secretary: User, called: Meeting, ks: Board, committed: Callable[[], Any]
) -> None:
    invitation = ics(next(m for m in mail.outbox if m.to == ["bo@example.se"]))
    mail.outbox.clear()

    with committed():
        services.meeting_cancel(
            actor=secretary, meeting=called, reason="Inga ärenden att behandla."
        )

    assert sorted(address for m in mail.outbox for address in m.to) == sorted(
        who.email for who in (ks.chair, ks.bo, ks.cecilia, ks.david, ks.erik, ks.frida, ks.gustav)
    )
    message = next(m for m in mail.outbox if m.to == ["bo@example.se"])
    assert message.subject == "Inställt: Kommunstyrelsen 2026-12-01"
    assert "Skäl: Inga ärenden att behandla." in message.body
    cancel = ics(message)
    event, invited = cancel.events[0], invitation.events[0]
    assert cancel["METHOD"] == "CANCEL"
    assert event["UID"] == invited["UID"]
    assert event["SEQUENCE"] == invited["SEQUENCE"] + 1
    assert event["STATUS"] == "CANCELLED"
    assert str(event["ATTENDEE"]) == "mailto:bo@example.se"


def test_after_a_resend_the_cancel_outranks_the_last_invitation(
    secretary: User, called: Meeting, committed: Callable[[], Any]
) -> None:
    with committed():
        services.notice_send(actor=secretary, meeting=called)
    resent = ics(next(m for m in reversed(mail.outbox) if m.to == ["bo@example.se"]))
    mail.outbox.clear()

    with committed():
        services.meeting_cancel(actor=secretary, meeting=called, reason="Flyttat till januari.")

    cancel = ics(next(m for m in mail.outbox if m.to == ["bo@example.se"]))
    assert resent.events[0]["SEQUENCE"] == 1
    assert cancel.events[0]["SEQUENCE"] == 2


def test_the_reason_is_kept(secretary: User, called: Meeting) -> None:
    cancelled = services.meeting_cancel(
        actor=secretary, meeting=called, reason="  Inga ärenden att behandla. "
    )

    called.refresh_from_db()
    assert called.status == Meeting.Status.CANCELLED
    assert called.cancel_reason == "Inga ärenden att behandla."
    assert called.cancelled_at == cancelled.cancelled_at is not None


def test_a_meeting_is_not_cancelled_without_a_reason(
    secretary: User, called: Meeting, committed: Callable[[], Any]
) -> None:
    mail.outbox.clear()

    with (
        committed(),
        pytest.raises(ValidationError, match="Ange varför sammanträdet ställs in"),
    ):
        services.meeting_cancel(actor=secretary, meeting=called, reason=" ")

    called.refresh_from_db()
    assert (called.status, mail.outbox) == (Meeting.Status.CALLED, [])


def test_a_meeting_never_called_is_cancelled_without_mail(
    secretary: User, meeting: Meeting, committed: Callable[[], Any]
) -> None:
    with committed():
        services.meeting_cancel(actor=secretary, meeting=meeting, reason="Dubbelbokat.")

    assert mail.outbox == []

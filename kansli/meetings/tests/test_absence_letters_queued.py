"""The letters of an absence go through the deliveries like the notices: the letter to the
secretary and the call to the substitute are queued in the report's transaction, written
once, sent after the commit by their tasks, retried and failed with the mail server's answer,
and on the secretary's list of the meeting's deliveries, where a failed one is sent again with
the same text. A cancellation withdraws a call to serve still queued. The attempts and the
time before the sweep are settings read from the environment."""

import datetime
import io
import runpy
import smtplib
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from pytest_django.fixtures import Settings
from time_machine import TimeMachineFixture

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import Delivery, Meeting
from kansli.meetings.tests.conftest import Board
from kansli.meetings.tests.own_side import account, week_before
from kansli.meetings.tests.sitting import signed_in
from kansli.settings import __file__ as settings_file

Capture = Callable[..., Any]
K = Delivery.Kind
FRIDA = "frida@example.se"
SERVERS_NO = "550 5.1.1 <frida@example.se>: no such user"


class RefusingFrida(BaseEmailBackend):
    """A mail server that refuses frida@ for good and takes the rest into the outbox."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            if message.to == [FRIDA]:
                raise smtplib.SMTPRecipientsRefused({FRIDA: (550, SERVERS_NO[4:].encode())})
            mail.outbox.append(message)
        return len(email_messages)


@pytest.fixture(autouse=True)
def before_the_meeting(time_machine: TimeMachineFixture) -> None:
    week_before(time_machine)


@pytest.fixture
def members(ks: Board) -> Board:
    for person in (ks.cecilia, ks.frida):
        account(person)
    return ks


def letters(meeting: Meeting) -> dict[str, tuple[str, str, int]]:
    return {d.kind: (d.address, d.state, d.attempts) for d in meeting.deliveries.order_by("pk")}


def test_the_letters_are_queued_with_the_report_and_sent_after_the_commit(
    members: Board, meeting: Meeting, secretary: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks() as waiting:
        services.absence_report(actor=members.cecilia.user, meeting=meeting, note="Sjuk")

    assert mail.outbox == []
    ebba = secretary.person.email
    assert letters(meeting) == {
        K.ABSENCE: (ebba, Delivery.State.QUEUED, 0),
        K.SUBSTITUTE_CALLED: (FRIDA, Delivery.State.QUEUED, 0),
    }
    called = meeting.deliveries.get(kind=K.SUBSTITUTE_CALLED)
    assert called.subject == "Du kallas att tjänstgöra: Kommunstyrelsen 2026-12-01"
    assert "Du kallas att tjänstgöra för Cecilia Ceder" in called.body
    assert called.invitation == ""  # a letter, not a calendar invitation

    for callback in waiting:
        callback()

    assert set(letters(meeting).values()) == {
        (ebba, Delivery.State.SENT, 1),
        (FRIDA, Delivery.State.SENT, 1),
    }
    [to_frida] = [message for message in mail.outbox if message.to == [FRIDA]]
    assert (to_frida.subject, to_frida.body) == (called.subject, called.body)


def test_a_refused_letter_fails_with_the_answer_on_the_list_and_is_sent_again_as_written(
    members: Board,
    meeting: Meeting,
    secretary: User,
    settings: Settings,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.RefusingFrida"
    with django_capture_on_commit_callbacks(execute=True):
        services.absence_report(actor=members.cecilia.user, meeting=meeting)
    refused = meeting.deliveries.get(kind=K.SUBSTITUTE_CALLED)
    assert (refused.state, refused.attempts, refused.answer) == (
        Delivery.State.FAILED,
        1,
        SERVERS_NO,
    )
    url = reverse("meetings:meeting_deliveries", args=[meeting.organization.body.slug, meeting.pk])
    client = signed_in(secretary)

    listed = client.get(url).content.decode()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the address fixed
    resend = reverse(
        "meetings:delivery_resend",
        args=[meeting.organization.body.slug, meeting.pk, refused.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(resend)

    assert "Kallelse att tjänstgöra" in listed
    assert "Förhinder anmält" in listed
    assert "no such user" in listed
    assert listed.count("Skicka igen</button>") == 1
    refused.refresh_from_db()
    assert refused.state == Delivery.State.SENT
    [to_frida] = [message for message in mail.outbox if message.to == [FRIDA]]
    assert "Du kallas att tjänstgöra för Cecilia Ceder" in to_frida.body


def test_withdrawing_queues_the_release_and_the_secretarys_letter(
    members: Board, meeting: Meeting, secretary: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.absence_report(actor=members.cecilia.user, meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        services.absence_withdraw(actor=members.cecilia.user, meeting=meeting)

    released = meeting.deliveries.get(kind=K.SUBSTITUTE_RELEASED)
    withdrawn = meeting.deliveries.get(kind=K.ABSENCE_WITHDRAWN)
    assert (released.address, released.state) == (FRIDA, Delivery.State.SENT)
    assert (withdrawn.address, withdrawn.state) == (secretary.person.email, Delivery.State.SENT)
    assert "Frida Fors tjänstgör inte längre för Cecilia Ceder" in withdrawn.body


def test_a_cancellation_withdraws_a_call_to_serve_still_queued(
    members: Board, meeting: Meeting, secretary: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks() as waiting:
        services.absence_report(actor=members.cecilia.user, meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(actor=secretary, meeting=meeting, reason="Inga ärenden.")
    for callback in waiting:  # the letters' tasks, run late by the worker
        callback()

    called = meeting.deliveries.get(kind=K.SUBSTITUTE_CALLED)
    assert called.state == Delivery.State.FAILED
    assert "ställdes in" in called.answer
    assert [message.to for message in mail.outbox] == [[secretary.person.email]]


def test_the_attempts_are_a_setting(
    members: Board,
    meeting: Meeting,
    settings: Settings,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    settings.KANSLI_MAIL_ATTEMPTS = 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on discard

    with django_capture_on_commit_callbacks(execute=True):
        services.absence_report(actor=members.cecilia.user, meeting=meeting)

    assert {(state, attempts) for _to, state, attempts in letters(meeting).values()} == {
        (Delivery.State.FAILED, 2)
    }


def test_the_sweep_waits_the_minutes_of_the_setting(
    members: Board,
    meeting: Meeting,
    settings: Settings,
    time_machine: TimeMachineFixture,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    settings.KANSLI_MAIL_STALE = 30
    with django_capture_on_commit_callbacks():  # the worker never got the tasks
        services.absence_report(actor=members.cecilia.user, meeting=meeting)

    time_machine.shift(datetime.timedelta(minutes=20))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("meetings", "resend-queued", stdout=io.StringIO())
    early = len(mail.outbox)
    time_machine.shift(datetime.timedelta(minutes=11))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("meetings", "resend-queued", stdout=io.StringIO())

    assert early == 0
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("name", ["KANSLI_MAIL_ATTEMPTS", "KANSLI_MAIL_STALE"])
def test_the_settings_are_read_from_the_environment_and_refuse_nonsense(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(name, "7")
    assert runpy.run_path(settings_file)[name] == 7

    for wrong in ("0", "fem"):
        monkeypatch.setenv(name, wrong)
        with pytest.raises(ImproperlyConfigured, match=name):
            runpy.run_path(settings_file)

"""A meeting's e-mails (the notice, the notice sent again, the cancellation to its members and
substitutes; the letters of an absence to the substitute called or released and to the
secretary): one delivery per recipient, recorded queued in the transaction of the change
that sends them (`queue`), each sent by its own task after the commit (`delivery_attempt`,
`kansli.meetings.tasks.deliver`), with its state, attempts and the mail server's answer kept
on the row for the secretary. `deliveries_requeue` (`kansli meetings resend-queued`) enqueues
again what a lost task left queued.

The state changes are written through the audited writes as the system, like every row of
the meetings app; who may send is asked by the service that queues (`services`)."""

import datetime
import functools
import smtplib
from typing import NamedTuple

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.integrations.webhooks import backoff
from kansli.language import in_records_language
from kansli.meetings import calendar, packets
from kansli.meetings.models import Delivery, Meeting
from kansli.meetings.selectors import meeting_day
from kansli.organisation.models import Person


@in_records_language
def _notice(delivery: Delivery) -> EmailMessage:
    """The notice to one member or substitute: the PDF and a calendar invitation."""
    meeting = delivery.meeting
    day = meeting_day(meeting)
    words = {
        "organization": meeting.organization,
        "date": f"{day:%Y-%m-%d}",
        "time": f"{timezone.localtime(meeting.starts_at):%H:%M}",
        "place": meeting.place or _("plats meddelas senare"),
    }
    message = EmailMessage(
        subject=_("Kallelse till %(organization)s %(date)s") % words,
        body=_(
            "Du kallas till sammanträde med %(organization)s den %(date)s klockan %(time)s, "
            "%(place)s.\n\nKallelsen med föredragningslistan är bifogad, och en inbjudan "
            "till din kalender. Kallelsen visar handlingarna som allmänheten ser dem; "
            "handlingarna för ledamöter, med sekretessbelagda bilagor, hämtar du inloggad "
            "på sammanträdets sida."
        )
        % words,
        to=[delivery.address],
    )
    slug = meeting.organization.slug
    # Stored once per version of the notice: the first delivery's task renders it, the
    # others (and the meeting's page) read it.
    pdf = packets.notice_stored(meeting).read()
    message.attach(f"kallelse-{slug}-{day:%Y-%m-%d}.pdf", pdf, "application/pdf")
    name = f"sammantrade-{slug}-{day:%Y-%m-%d}.ics"
    _attach_calendar(message, delivery.invitation, "REQUEST", name)
    return message


def _attach_calendar(message: EmailMessage, ical: str, method: str, filename: str) -> None:
    """Attach an iTIP message as RFC 6047 2.4 asks: "text/calendar" with the calendar's METHOD
    as the "method" parameter; Django adds charset="utf-8" for a text part. Kept a plain
    attachment (name, content, type), which `message.attachments` lists as such."""
    message.attach(filename, ical, f"text/calendar; method={method}")


@in_records_language
def _cancellation(delivery: Delivery) -> EmailMessage:
    """The withdrawal of the invitation (iTIP CANCEL) to one who had the notice, with why."""
    meeting = delivery.meeting
    words = {
        "organization": meeting.organization,
        "date": f"{meeting_day(meeting):%Y-%m-%d}",
        "reason": meeting.cancel_reason,
    }
    message = EmailMessage(
        subject=_("Inställt: %(organization)s %(date)s") % words,
        body=_(
            "Sammanträdet med %(organization)s den %(date)s är inställt.\n\nSkäl: %(reason)s"
            "\n\nInbjudan i din kalender tas bort med den bifogade filen."
        )
        % words,
        to=[delivery.address],
    )
    name = f"installt-{meeting.organization.slug}-{meeting_day(meeting):%Y-%m-%d}.ics"
    _attach_calendar(message, delivery.invitation, "CANCEL", name)
    return message


def _letter(delivery: Delivery) -> EmailMessage:
    """A letter of an absence as it was written when queued; the substitute called gets the
    notice too, once it has gone out (the public version, as every e-mail)."""
    message = EmailMessage(subject=delivery.subject, body=delivery.body, to=[delivery.address])
    meeting = delivery.meeting
    if delivery.kind == Delivery.Kind.SUBSTITUTE_CALLED and meeting.notice_sent_at is not None:
        message.attach(
            f"kallelse-{meeting.organization.slug}-{meeting_day(meeting):%Y-%m-%d}.pdf",
            packets.notice_stored(meeting).read(),  # stored when the notice went out
            "application/pdf",
        )
    return message


MESSAGES = {
    Delivery.Kind.NOTICE: _notice,
    Delivery.Kind.RESEND: _notice,
    Delivery.Kind.CANCELLATION: _cancellation,
    Delivery.Kind.SUBSTITUTE_CALLED: _letter,
    Delivery.Kind.SUBSTITUTE_RELEASED: _letter,
    Delivery.Kind.ABSENCE: _letter,
    Delivery.Kind.ABSENCE_WITHDRAWN: _letter,
}
# The kinds that carry the meeting into the recipient's calendar (an iTIP part).
CALENDAR_KINDS = {Delivery.Kind.NOTICE, Delivery.Kind.RESEND, Delivery.Kind.CANCELLATION}
# The kinds a cancellation withdraws while still queued: those that call someone to the meeting.
CALLING_KINDS = [Delivery.Kind.NOTICE, Delivery.Kind.RESEND, Delivery.Kind.SUBSTITUTE_CALLED]


class Letter(NamedTuple):
    """A letter of an absence, written once in the records' language for its recipients."""

    kind: str
    to: list[Person]
    subject: str
    body: str


def queue(
    actor: Actor,
    meeting: Meeting,
    kind: str,
    recipients: list[tuple[Person, str]],
    *,
    subject: str = "",
    body: str = "",
) -> list[Delivery]:
    """Record a delivery of the meeting's `kind` of e-mail to each (person, address), queued,
    and enqueue their tasks once the transaction commits: a write that rolls back sends
    nothing. The calendar part is fixed now, before the rows exist, so that its SEQUENCE counts
    the deliveries the person had before (`calendar.invitation`); a letter's subject and body
    are fixed now too (`Letter`)."""
    now = timezone.now()
    deliveries = [
        Delivery(
            meeting=meeting,
            person=person,
            address=address,
            kind=kind,
            invitation=calendar.invitation(meeting, person, address=address).decode()
            if kind in CALENDAR_KINDS
            else "",
            subject=subject,
            body=body,
            queued_at=now,
            next_attempt_at=now,
        )
        for person, address in recipients
    ]
    deliveries = audit.create_many(actor=actor, instances=deliveries)
    transaction.on_commit(functools.partial(_enqueue_all, [d.pk for d in deliveries]))
    return deliveries


def letters_queue(actor: Actor, meeting: Meeting, letters: list[Letter]) -> list[Delivery]:
    """Queue each letter to those of its recipients who have an e-mail address (`queue`)."""
    return [
        delivery
        for letter in letters
        for delivery in queue(
            actor,
            meeting,
            letter.kind,
            [(person, person.email) for person in letter.to if person.email],
            subject=letter.subject,
            body=letter.body,
        )
    ]


@in_records_language
def notices_withdraw(actor: Actor, meeting: Meeting) -> list[Delivery]:
    """Fail the meeting's notices (and calls to serve) still queued, for the meeting is
    cancelled: they are not sent after all, and the page says why. One already claimed by its
    task is left to it."""
    queued = Delivery.objects.select_for_update().filter(
        meeting=meeting, kind__in=CALLING_KINDS, state=Delivery.State.QUEUED
    )
    answer = _("Inte skickad: sammanträdet ställdes in innan kallelsen gick iväg.")
    return [
        audit.update(
            actor=actor,
            instance=delivery,
            state=Delivery.State.FAILED,
            answer=answer,
            next_attempt_at=None,
        )
        for delivery in queued.order_by("pk")
    ]


def _enqueue_all(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        enqueue(delivery_id)


def enqueue(delivery_id: int, at: datetime.datetime | None = None) -> None:
    from kansli.meetings.tasks import deliver  # the task module imports this one

    if at is not None and deliver.get_backend().supports_defer:
        deliver.using(run_after=at).enqueue(delivery_id)
    else:
        # A backend that cannot wait (the immediate one of the tests) tries again at once.
        deliver.enqueue(delivery_id)


def delivery_attempt(*, delivery_id: int) -> Delivery:
    """Send one queued delivery, for its task: claim it (queued to sending, one attempt more,
    committed), send the one message outside any transaction, then record what the mail server
    said. Sent, it is done; a refusal for good (5xx, an address the server cannot take) fails
    it at once; a refusal for now (4xx, no connection) queues it again after `backoff`, until
    KANSLI_MAIL_ATTEMPTS attempts have been made. A delivery that is not queued is left as it
    is, so a task run twice, or a delivery enqueued twice, sends once.

    Nothing is lost: a worker that dies before the claim leaves the delivery queued, and
    `deliveries_requeue` enqueues it again. The one window in which a message could go twice
    lies between the mail server taking it and the "sent" being committed (the process dies,
    or the server's answer is lost on the way back): the delivery then stays "sending", and
    after Delivery.stale() the secretary sees it as uncertain and decides whether to send it
    again; it is never sent again by itself. The window is kept to the one SMTP exchange: the
    message, with its PDF, is built before the claim."""
    delivery = Delivery.objects.select_related("meeting__organization", "person").get(
        pk=delivery_id
    )
    if delivery.state != Delivery.State.QUEUED:
        return delivery
    message = MESSAGES[Delivery.Kind(delivery.kind)](delivery)
    if not _claim(delivery):
        return Delivery.objects.get(pk=delivery_id)
    try:
        get_connection().send_messages([message])
    except (OSError, ValueError) as error:  # smtplib's errors are OSErrors too
        permanent, answer = _refusal(error)
        return _outcome(delivery_id, sent=False, permanent=permanent, answer=answer)
    return _outcome(delivery_id, sent=True, permanent=False, answer="")


@transaction.atomic
def _claim(delivery: Delivery) -> bool:
    """Mark the delivery sending, if it is still queued, and count the attempt."""
    locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
    if locked.state != Delivery.State.QUEUED:
        return False
    audit.update(
        actor=None,
        instance=locked,
        state=Delivery.State.SENDING,
        attempts=locked.attempts + 1,
        last_attempt_at=timezone.now(),
        next_attempt_at=None,
    )
    return True


def _refusal(error: OSError | ValueError) -> tuple[bool, str]:
    """Whether the mail server's refusal is for good, and its answer as the secretary reads
    it. An address the message cannot carry (Django's ValueError) is refused for good too."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return code >= 500, f"{code} {_text(text)}"
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500, f"{error.smtp_code} {_text(error.smtp_error)}"
    return isinstance(error, ValueError), str(error) or type(error).__name__


def _text(answer: bytes | str) -> str:
    return answer.decode(errors="replace") if isinstance(answer, bytes) else answer


@transaction.atomic
def _outcome(delivery_id: int, *, sent: bool, permanent: bool, answer: str) -> Delivery:
    """Record the attempt's outcome, and enqueue the next attempt of one put off."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
    now = timezone.now()
    if sent:
        changes: dict[str, object] = {"state": Delivery.State.SENT, "sent_at": now, "answer": ""}
    elif permanent or delivery.attempts >= settings.KANSLI_MAIL_ATTEMPTS:
        changes = {"state": Delivery.State.FAILED, "answer": answer}
    else:
        later = now + backoff(delivery.attempts)
        changes = {"state": Delivery.State.QUEUED, "answer": answer, "next_attempt_at": later}
        transaction.on_commit(functools.partial(enqueue, delivery_id, later))
    return audit.update(actor=None, instance=delivery, **changes)


@transaction.atomic
def deliveries_requeue() -> int:
    """Enqueue again each delivery still queued Delivery.stale() after its attempt was due: its
    task was lost (the worker died before it ran, the queue lost it). Its next attempt is set
    to now, so that the next sweep waits another while. How many."""
    now = timezone.now()
    waiting = Delivery.objects.select_for_update().filter(
        state=Delivery.State.QUEUED, next_attempt_at__lt=now - Delivery.stale()
    )
    requeued = [
        audit.update(actor=None, instance=delivery, next_attempt_at=now).pk for delivery in waiting
    ]
    transaction.on_commit(functools.partial(_enqueue_all, requeued))
    return len(requeued)

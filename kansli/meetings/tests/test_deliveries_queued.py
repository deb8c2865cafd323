"""A meeting's e-mails go out after the commit, one delivery per recipient with its state: the
tests' immediate task backend, a mail server that refuses one address for good (550) and puts
another off once (451), the sweep that enqueues a lost task again, a delivery left uncertain,
and the secretary's list with its resend, refused to anyone else; then the same notice through
the queues production runs: the database's, worked by `db_worker --batch`, and Redis through
RQ, worked by a real RQ worker in burst mode (Redis on 127.0.0.1, database 15, a queue of the
test's own)."""

import datetime
import io
import os
import smtplib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import django_rq
import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from pytest_django.fixtures import Settings

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.audit import services as audit
from kansli.audit.models import Event
from kansli.meetings import services, tasks
from kansli.meetings.models import Delivery, Meeting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import signed_in
from kansli.organisation import services as organisation
from kansli.organisation.models import Body

Clock = Callable[[datetime.datetime], None]
REFUSED, PUT_OFF = "bo@example.se", "cecilia@example.se"
SERVERS_NO = "550 5.1.1 <bo@example.se>: no such user"
SENDER = "kansli.meetings.tests.test_deliveries_queued.RefusingServer"
put_off: set[str] = set()


class RefusingServer(BaseEmailBackend):
    """A mail server that refuses bo@ for good and puts cecilia@ off the first time; it takes
    the rest into Django's test outbox."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            (to,) = message.to
            if to == REFUSED:
                raise smtplib.SMTPRecipientsRefused({to: (550, SERVERS_NO[4:].encode())})
            if to == PUT_OFF and to not in put_off:
                put_off.add(to)
                raise smtplib.SMTPResponseException(451, b"4.3.0 Try again later")
            mail.outbox.append(message)
        return len(email_messages)


@pytest.fixture
def refusing(settings: Settings) -> None:
    put_off.clear()
    settings.EMAIL_BACKEND = SENDER


@pytest.fixture
def built(secretary: User, meeting: Meeting, frozen_now: Clock) -> Meeting:
    """The meeting with its agenda, ten days ahead of it."""
    frozen_now(at(DAY - datetime.timedelta(days=10)))
    services.agenda_build(actor=secretary, meeting=meeting)
    return meeting


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Callable[[], Any]:
    """A block whose writes are taken as committed: what they enqueue runs at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def states(meeting: Meeting) -> dict[str, tuple[str, int, str]]:
    return {d.address: (d.state, d.attempts, d.answer) for d in meeting.deliveries.order_by("pk")}


def test_the_notice_is_queued_and_sent_only_after_the_commit(
    secretary: User, built: Meeting, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as waiting:
        deliveries = services.notice_send(actor=secretary, meeting=built)

    assert mail.outbox == []
    assert {d.state for d in deliveries} == {Delivery.State.QUEUED}
    assert Event.objects.filter(action="delivery.create").count() == 7

    for callback in waiting:
        callback()

    assert len(mail.outbox) == 7
    assert set(states(built).values()) == {(Delivery.State.SENT, 1, "")}


def test_a_notice_still_queued_when_the_meeting_is_cancelled_is_not_sent(
    secretary: User, built: Meeting, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as waiting:
        services.notice_send(actor=secretary, meeting=built)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(actor=secretary, meeting=built, reason="Inga ärenden.")

    for callback in waiting:  # the notices' tasks, run late by the worker
        callback()

    assert mail.outbox == []
    assert {d.kind for d in built.deliveries.all()} == {Delivery.Kind.NOTICE}
    assert set(states(built).values()) == {
        (
            Delivery.State.FAILED,
            0,
            "Inte skickad: sammanträdet ställdes in innan kallelsen gick iväg.",
        )
    }


def test_a_cancellation_goes_to_those_the_notice_reached(
    secretary: User, built: Meeting, committed: Callable[[], Any]
) -> None:
    with committed():
        services.notice_send(actor=secretary, meeting=built)
    mail.outbox.clear()
    with committed():
        services.meeting_cancel(actor=secretary, meeting=built, reason="Inga ärenden.")

    cancelled = built.deliveries.filter(kind=Delivery.Kind.CANCELLATION)
    assert cancelled.count() == 7
    assert len(mail.outbox) == 7
    assert all(b"METHOD:CANCEL" in message.message().as_bytes() for message in mail.outbox)


def test_a_send_rolled_back_sends_nothing(
    secretary: User, built: Meeting, committed: Callable[[], Any]
) -> None:
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        services.notice_send(actor=secretary, meeting=built)
        raise RuntimeError("the request failed after the notice was queued")

    built.refresh_from_db()
    assert (mail.outbox, built.deliveries.count(), built.notice_sent_at) == ([], 0, None)


def test_one_refused_fails_one_put_off_is_retried_and_the_others_are_sent(
    secretary: User, built: Meeting, refusing: None, committed: Callable[[], Any]
) -> None:
    with committed():
        services.notice_send(actor=secretary, meeting=built)

    found = states(built)
    assert found.pop(REFUSED) == (Delivery.State.FAILED, 1, SERVERS_NO)
    assert found.pop(PUT_OFF) == (Delivery.State.SENT, 2, "")
    assert set(found.values()) == {(Delivery.State.SENT, 1, "")}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([PUT_OFF, *found])
    built.refresh_from_db()
    assert built.status == Meeting.Status.CALLED


def test_a_server_that_never_answers_fails_the_delivery_after_the_last_attempt(
    secretary: User, built: Meeting, settings: Settings, committed: Callable[[], Any]
) -> None:
    with committed():
        services.notice_send(actor=secretary, meeting=built)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on discard

    with committed():
        services.meeting_cancel(actor=secretary, meeting=built, reason="Inga ärenden.")

    built.refresh_from_db()
    assert built.status == Meeting.Status.CANCELLED
    cancellations = built.deliveries.filter(kind=Delivery.Kind.CANCELLATION)
    assert cancellations.count() == 7
    for delivery in cancellations:
        assert (delivery.state, delivery.attempts) == (
            Delivery.State.FAILED,
            settings.KANSLI_MAIL_ATTEMPTS,
        )
        assert "refused" in delivery.answer.lower()


def test_a_task_run_twice_sends_once(
    secretary: User, built: Meeting, committed: Callable[[], Any]
) -> None:
    with committed():
        delivery = services.notice_send(actor=secretary, meeting=built)[0]

    again = tasks.deliver.call(delivery.pk)

    assert again == Delivery.State.SENT
    assert [m.to for m in mail.outbox].count([delivery.address]) == 1


def test_the_sweep_enqueues_a_lost_task_again_and_leaves_an_uncertain_one(
    secretary: User,
    built: Meeting,
    frozen_now: Clock,
    django_capture_on_commit_callbacks: Any,
    committed: Callable[[], Any],
) -> None:
    with django_capture_on_commit_callbacks():  # the worker never got the tasks
        lost, sending, *_rest = services.notice_send(actor=secretary, meeting=built)
    audit.update(
        actor=None,
        instance=sending,
        state=Delivery.State.SENDING,
        attempts=1,
        last_attempt_at=sending.queued_at,
    )
    frozen_now(at(DAY - datetime.timedelta(days=10)) + Delivery.stale() * 2)

    with committed():
        call_command("meetings", "resend-queued", stdout=io.StringIO())

    sending.refresh_from_db()
    assert sending.uncertain
    assert states(built)[lost.address] == (Delivery.State.SENT, 1, "")
    assert sending.address not in [m.to[0] for m in mail.outbox]
    assert len(mail.outbox) == 6


def delivery_url(name: str, meeting: Meeting, *args: int) -> str:
    return reverse(f"meetings:{name}", args=[meeting.organization.body.slug, meeting.pk, *args])


def test_the_secretary_sees_each_state_and_resends_a_failed_one(
    secretary: User,
    built: Meeting,
    refusing: None,
    settings: Settings,
    committed: Callable[[], Any],
) -> None:
    with committed():
        services.notice_send(actor=secretary, meeting=built)
    client = signed_in(secretary)
    failed = built.deliveries.get(address=REFUSED)

    page = client.get(delivery_url("meeting_detail", built)).content.decode()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the address fixed
    with committed():
        resent = client.post(delivery_url("delivery_resend", built, failed.pk))

    assert "Bo Berg &lt;bo@example.se&gt;" in page
    assert escape(SERVERS_NO) in page
    assert page.count("Skicka igen</button>") == 1
    assert 'hx-trigger="every 2s"' not in page  # nothing on its way: no polling
    assert resent.status_code == 302
    failed.refresh_from_db()
    assert (failed.state, failed.attempts, failed.answer) == (Delivery.State.SENT, 1, "")
    assert Event.objects.filter(
        action="delivery.update", object_id=str(failed.pk), actor=secretary
    ).exists()


def test_the_list_polls_while_a_delivery_is_queued(
    secretary: User, built: Meeting, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks():
        services.notice_send(actor=secretary, meeting=built)

    partial = signed_in(secretary).get(delivery_url("meeting_deliveries", built))

    html = partial.content.decode()
    assert 'hx-trigger="every 2s"' in html
    assert delivery_url("meeting_deliveries", built) in html
    assert html.count("i kö") == 7


def test_a_delivery_sent_is_not_sent_again_at_the_secretarys_word(
    secretary: User, built: Meeting, committed: Callable[[], Any]
) -> None:
    with committed():
        delivery = services.notice_send(actor=secretary, meeting=built)[0]

    response = signed_in(secretary).post(delivery_url("delivery_resend", built, delivery.pk))

    assert response.status_code == 409
    assert "Bara ett utskick som misslyckades eller är osäkert" in response.content.decode()
    assert len(mail.outbox) == 7


@pytest.fixture
def failed_notice(
    secretary: User, built: Meeting, refusing: None, committed: Callable[[], Any]
) -> Delivery:
    with committed():
        services.notice_send(actor=secretary, meeting=built)
    return built.deliveries.get(address=REFUSED)


def other_bodys_secretary() -> User:
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    stranger = organisation.person_create(
        actor=None, body=other, given_name="Olle", family_name="Annan"
    )
    return user_create(
        actor=None, username="olle", password=None, roles=[Role.SECRETARY], person=stranger
    )


def board_member(ks: Board) -> User:
    return user_create(
        actor=None, username="bo", password=None, roles=[Role.ELECTED_MEMBER], person=ks.bo
    )


@pytest.mark.parametrize("who", ["other_body", "board_member", "anonymous"])
def test_the_wrong_user_neither_sees_the_states_nor_resends(
    failed_notice: Delivery, built: Meeting, ks: Board, who: str
) -> None:
    client = {
        "other_body": lambda: signed_in(other_bodys_secretary()),
        "board_member": lambda: signed_in(board_member(ks)),
        "anonymous": Client,
    }[who]()

    listed = client.get(delivery_url("meeting_deliveries", built))
    resent = client.post(delivery_url("delivery_resend", built, failed_notice.pk))

    for response in (listed, resent):
        if who == "anonymous":
            assert response.status_code == 302
            assert "/logga-in/" in response["Location"]
        else:
            assert response.status_code == 403
        assert "550" not in response.content.decode()
        assert "cecilia@example.se" not in response.content.decode()
    failed_notice.refresh_from_db()
    assert (failed_notice.state, failed_notice.attempts) == (Delivery.State.FAILED, 1)


# The queues production runs: each test commits for real, so the tasks are enqueued when the
# notice's transaction commits, and nothing is sent before a worker takes them.

REDIS = "redis://127.0.0.1:6379/15"


def sent_by_the_worker(meeting: Meeting, put_off_after: tuple[str, int, str]) -> None:
    found = states(meeting)
    assert found.pop(REFUSED) == (Delivery.State.FAILED, 1, SERVERS_NO)
    assert found.pop(PUT_OFF) == put_off_after
    assert set(found.values()) == {(Delivery.State.SENT, 1, "")}
    sent = set(found) | ({PUT_OFF} if put_off_after[0] == Delivery.State.SENT else set())
    assert sorted(m.to[0] for m in mail.outbox) == sorted(sent)


@pytest.mark.django_db(transaction=True)
def test_the_database_queues_worker_sends_after_the_commit_and_retries_later(
    secretary: User,
    built: Meeting,
    refusing: None,
    settings: Settings,
    frozen_now: Clock,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker = ["db_worker", "--batch", "--interval", "0", "--no-startup-delay"]

    services.notice_send(actor=secretary, meeting=built)
    queued = set(states(built).values())
    call_command(*worker, stdout=io.StringIO(), stderr=io.StringIO())
    sent_by_the_worker(built, (Delivery.State.QUEUED, 1, "451 4.3.0 Try again later"))
    frozen_now(at(DAY - datetime.timedelta(days=10)) + datetime.timedelta(minutes=1))
    call_command(*worker, stdout=io.StringIO(), stderr=io.StringIO())

    assert queued == {(Delivery.State.QUEUED, 0, "")}
    sent_by_the_worker(built, (Delivery.State.SENT, 2, ""))


@pytest.fixture
def rq_queue(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A queue of this test's own on Redis database 15, the task routed to it; emptied after."""
    name = f"kansli-test-deliveries-{os.getpid()}"
    settings.RQ_QUEUES = {name: {"URL": REDIS}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [name]}}
    monkeypatch.setattr(tasks, "deliver", tasks.deliver.using(queue_name=name))
    yield name
    queue = django_rq.get_queue(name)
    for registry in (queue.scheduled_job_registry, queue.finished_job_registry):
        for job_id in registry.get_job_ids():
            queue.connection.delete(f"rq:job:{job_id}")
    for key in queue.connection.scan_iter(f"rq:*{name}*"):
        queue.connection.delete(key)


@pytest.mark.django_db(transaction=True)
def test_a_real_rq_worker_sends_after_the_commit(
    secretary: User, built: Meeting, refusing: None, rq_queue: str
) -> None:
    services.notice_send(actor=secretary, meeting=built)
    queued = set(states(built).values())
    worker = ["--burst", "--job-class", "django_tasks_rq.Job"]
    call_command("rqworker", rq_queue, *worker, "--worker-class", "rq.SimpleWorker", verbosity=0)

    assert queued == {(Delivery.State.QUEUED, 0, "")}
    # Put off once, it waits on RQ's schedule for its next attempt.
    sent_by_the_worker(built, (Delivery.State.QUEUED, 1, "451 4.3.0 Try again later"))

"""A subscriber is told of each registration and closing in its body by a POST signed with
HMAC-SHA256 over the body, after the change commits, retried with backoff when it does not
answer 2xx; each delivery is kept with its state and answer (issue 14, item 4). What secrecy
hides is masked in the event as in the postlista; a change that rolls back tells nothing."""

import datetime
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator

import pytest
from django.core.exceptions import ValidationError
from pytest_django.fixtures import Settings

from kansli.integrations import services as integrations
from kansli.integrations.models import WebhookDelivery, WebhookSubscription
from kansli.integrations.tests.receiver import Receiver, receiving
from kansli.integrations.webhooks import backoff
from kansli.organisation.models import Body
from kansli.registry import services
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes, upload

Commit = Callable[..., object]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with receiving(204) as receiver:
        yield receiver


@pytest.fixture
def subscription(body: Body, receiver: Receiver) -> WebhookSubscription:
    return integrations.subscription_create(
        actor=None,
        body=body,
        name="E-arkivet",
        url=receiver.url,
        events=["document.registered", "case.closed"],
    )


def register(case: Case, **changes: object) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 1, 20),
        counterpart="Förälder Föräldersson",
        description="Anmälan om kränkande behandling av elev",
        **changes,
    )


def test_a_registration_is_posted_signed_after_it_commits(
    case: Case,
    subscription: WebhookSubscription,
    receiver: Receiver,
    django_capture_on_commit_callbacks: Commit,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        document = register(
            case,
            secrecy_reference="OSL 23 kap. 1 §",
            counterpart_masked=True,
            description_masked=True,
        )
        assert receiver.received == []  # not before the commit

    (call,) = receiver.received
    expected = hmac.new(subscription.secret.encode(), call.body, hashlib.sha256).hexdigest()
    event = json.loads(call.body)
    delivery = WebhookDelivery.objects.get()
    assert call.headers["X-Kansli-Signature"] == f"sha256={expected}"
    assert call.headers["X-Kansli-Event"] == "document.registered"
    assert (event["event"], event["body"], event["id"]) == (
        "document.registered",
        "vanersborg",
        delivery.pk,
    )
    assert event["data"]["number"] == document.number
    assert event["data"]["description"] == "[Sekretess enligt OSL 23 kap. 1 §]"
    assert "Föräldersson" not in call.body.decode()
    assert (delivery.state, delivery.attempts, delivery.response_status) == ("delivered", 1, 204)


def test_a_closing_is_posted(
    case: Case,
    subscription: WebhookSubscription,
    receiver: Receiver,
    django_capture_on_commit_callbacks: Commit,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.case_close(actor=None, case=case)

    (call,) = receiver.received
    event = json.loads(call.body)
    assert event["event"] == "case.closed"
    assert (event["data"]["number"], event["data"]["status"]) == (case.number, "closed")


def test_a_failed_delivery_is_retried_until_it_is_delivered(
    case: Case,
    subscription: WebhookSubscription,
    receiver: Receiver,
    django_capture_on_commit_callbacks: Commit,
) -> None:
    receiver.statuses[:] = [500, 503, 200]

    with django_capture_on_commit_callbacks(execute=True):
        register(case)

    delivery = WebhookDelivery.objects.get()
    assert len(receiver.received) == 3
    assert receiver.received[0].body == receiver.received[2].body
    assert (delivery.state, delivery.attempts, delivery.response_status) == ("delivered", 3, 200)
    assert delivery.delivered_at is not None


def test_a_delivery_that_fails_every_attempt_is_failed_with_the_answer(
    case: Case,
    subscription: WebhookSubscription,
    receiver: Receiver,
    settings: Settings,
    django_capture_on_commit_callbacks: Commit,
) -> None:
    settings.KANSLI_WEBHOOK_ATTEMPTS = 3
    receiver.statuses[:] = [503]

    with django_capture_on_commit_callbacks(execute=True):
        register(case)

    delivery = WebhookDelivery.objects.get()
    assert len(receiver.received) == 3
    assert (delivery.state, delivery.attempts) == ("failed", 3)
    assert (delivery.response_status, delivery.response_body) == (503, "tillfalligt fel")
    assert delivery.next_attempt_at is None


def test_the_pause_between_attempts_grows() -> None:
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 120, 480, 1920]


def test_a_registration_that_fails_tells_nothing(
    case: Case,
    subscription: WebhookSubscription,
    receiver: Receiver,
    django_capture_on_commit_callbacks: Commit,
) -> None:
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        register(case, files=[upload("brev.pdf", b"ingen pdf")])

    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


def test_another_bodys_subscriber_and_an_event_not_asked_for_are_not_told(
    case: Case,
    other_registrar: object,
    receiver: Receiver,
    django_capture_on_commit_callbacks: Commit,
) -> None:
    integrations.subscription_create(
        actor=None,
        body=Body.objects.get(slug="blekinge"),
        name="Blekinges arkiv",
        url=receiver.url,
        events=["document.registered"],
    )
    integrations.subscription_create(
        actor=None,
        body=case.organization.body,
        name="Bara avslut",
        url=receiver.url,
        events=["case.closed"],
    )

    with django_capture_on_commit_callbacks(execute=True):
        register(case, files=[upload("brev.pdf", pdf_bytes("Brev"))])

    assert receiver.received == []

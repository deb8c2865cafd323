"""A subscriber of `posting.published` is told, after the commit, when approved minutes are
posted on the notice board (KL 8 kap. 12 §): a signed POST with the posting's dates; another
body's subscriber, and one that did not ask for postings, are not told."""

import hashlib
import hmac
import json
from collections.abc import Callable, Iterator

import pytest

from kansli.integrations import services as integrations
from kansli.integrations.models import WebhookDelivery
from kansli.integrations.tests.receiver import Receiver, receiving
from kansli.meetings.models import Meeting
from kansli.meetings.tests import justering
from kansli.meetings.tests.conftest import Board
from kansli.organisation import services as organisation
from kansli.organisation.models import Body

Commit = Callable[..., object]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with receiving(204) as receiver:
        yield receiver


def test_posting_the_approved_minutes_is_posted_signed_to_the_subscriber(
    body: Body,
    meeting: Meeting,
    ks: Board,
    frozen_now: Callable[..., None],
    receiver: Receiver,
    django_capture_on_commit_callbacks: Commit,
) -> None:
    subscription = integrations.subscription_create(
        actor=None, body=body, name="Anslagstavla", url=receiver.url, events=["posting.published"]
    )
    with receiving(204) as bystander:
        other = organisation.body_create(
            actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
        )
        integrations.subscription_create(
            actor=None, body=other, name="Annan", url=bystander.url, events=["posting.published"]
        )
        integrations.subscription_create(
            actor=None, body=body, name="Diariet", url=bystander.url, events=["case.closed"]
        )

        with django_capture_on_commit_callbacks(execute=True):
            justering.approved(ks, meeting, frozen_now)

        assert bystander.received == []
    posting = meeting.postings.get()
    (call,) = receiver.received
    event = json.loads(call.body)
    expected = hmac.new(subscription.secret.encode(), call.body, hashlib.sha256).hexdigest()
    assert call.headers["X-Kansli-Event"] == "posting.published"
    assert call.headers["X-Kansli-Signature"] == f"sha256={expected}"
    assert (event["event"], event["body"]) == ("posting.published", "vanersborg")
    (data,) = event["data"] if isinstance(event["data"], list) else [event["data"]]
    assert data["id"] == posting.pk
    assert data["meeting"]["id"] == meeting.pk
    assert data["posted_on"] == posting.posted_on.isoformat()
    assert data["last_appeal_day"] == posting.last_appeal_day.isoformat()
    assert WebhookDelivery.objects.get(subscription=subscription).state == "delivered"

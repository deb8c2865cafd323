"""Webhooks: the events published to a body's subscribers and their delivery.

An event is published inside the transaction of the change it tells of: a delivery row per
subscriber is written with the change, and the delivery task is queued only once the
transaction has committed, so nothing is sent of a change that rolled back. The task POSTs the
event signed with the subscriber's secret (`signature`); an answer that is not 2xx is retried
after a growing pause (`backoff`) until `KANSLI_WEBHOOK_ATTEMPTS` attempts have failed.

Deliveries are bookkeeping, not in the event log (kansli.audit.tables): the changes they tell
of are.
"""

import datetime
import functools
import hashlib
import hmac
import ipaddress
import json
import socket
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.integrations.models import Event, WebhookDelivery, WebhookSubscription

SIGNATURE_HEADER = "X-Kansli-Signature"
# The part of a subscriber's answer kept on the delivery.
ANSWER_KEPT = 2000


def check_subscriber_url(url: str) -> None:
    """Refuse a subscriber's address that is not http(s), or, unless
    KANSLI_WEBHOOK_ALLOW_PRIVATE is set, one whose host is or resolves to a private, loopback,
    link-local or reserved address: Kansli must not be made to POST into its own network."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(
            {"url": _("Adressen ska börja med http:// eller https:// och ha ett värdnamn.")}
        )
    if settings.KANSLI_WEBHOOK_ALLOW_PRIVATE:
        return
    try:
        found = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise ValidationError(
            {"url": _("Värdnamnet %(host)s går inte att slå upp.") % {"host": parts.hostname}}
        ) from None
    for *_rest, address in found:
        ip = ipaddress.ip_address(address[0])
        if not ip.is_global:
            raise ValidationError(
                {
                    "url": _(
                        "Adressen pekar på ett internt nät (%(ip)s); webhooks skickas bara "
                        "till adresser på internet."
                    )
                    % {"ip": ip}
                }
            )


def subscribers(*, body_id: int, event: Event) -> list[WebhookSubscription]:
    """The body's active subscriptions to the event."""
    subscriptions = WebhookSubscription.objects.filter(body_id=body_id, active=True).select_related(
        "body"
    )
    return [subscription for subscription in subscriptions if event.value in subscription.events]


def event_publish(
    *,
    subscriptions: Sequence[WebhookSubscription],
    event: Event,
    data: Sequence[dict[str, Any]],
) -> list[WebhookDelivery]:
    """Queue each of `data` as the event to each of the subscriptions (`subscribers`). Call it
    in the transaction of the change: the deliveries are written with it, and sent after it
    commits. `data` is what the public may see of the change; a subscriber reads the rest
    through the API, with a key of its own."""
    now = timezone.now()
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(subscription=subscription, event=event, payload=one, next_attempt_at=now)
        for subscription in subscriptions
        for one in data
    )
    for delivery in deliveries:
        delivery.payload = {
            "id": delivery.pk,
            "event": event.value,
            "occurred_at": now,
            "body": delivery.subscription.body.slug,
            "data": delivery.payload,
        }
    WebhookDelivery.objects.bulk_update(deliveries, ["payload"])
    if deliveries:
        transaction.on_commit(functools.partial(_enqueue_all, [d.pk for d in deliveries]))
    return deliveries


def _enqueue_all(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        _enqueue(delivery_id)


def _enqueue(delivery_id: int, at: datetime.datetime | None = None) -> None:
    from kansli.integrations.tasks import deliver  # the task module imports this one

    if at is not None and deliver.get_backend().supports_defer:
        deliver.using(run_after=at).enqueue(delivery_id)
    else:
        # A backend that cannot wait (the immediate one of the tests) tries again at once.
        deliver.enqueue(delivery_id)


def signature(secret: str, body: bytes) -> str:
    """The value of the X-Kansli-Signature header: HMAC-SHA256 of the body by the secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def backoff(attempts: int) -> datetime.timedelta:
    """The pause after the `attempts`-th failed attempt: 30 seconds, then four times longer
    each time (2 min, 8 min, 32 min, about 2 h)."""
    return datetime.timedelta(seconds=30 * 4 ** (attempts - 1))


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a new address to post to: it could lead inside."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str]:
    """POST the body; the answer's status (None when none came) and the start of its text."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with _opener.open(request, timeout=settings.KANSLI_WEBHOOK_TIMEOUT) as answer:
            return answer.status, answer.read(ANSWER_KEPT).decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read(ANSWER_KEPT).decode(errors="replace")
    except (OSError, ValueError) as error:
        return None, str(error)[:ANSWER_KEPT]


def delivery_attempt(*, delivery_id: int) -> WebhookDelivery:
    """Send a queued delivery once; on failure, queue the next attempt after `backoff`, or
    mark it failed after the last."""
    delivery = WebhookDelivery.objects.select_related("subscription").get(pk=delivery_id)
    if delivery.state != WebhookDelivery.State.QUEUED:
        return delivery
    subscription = delivery.subscription
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()
    try:
        check_subscriber_url(subscription.url)
    except ValidationError as error:
        status, answer = None, " ".join(error.messages)
    else:
        status, answer = _post(
            subscription.url,
            body,
            {
                "Content-Type": "application/json",
                "User-Agent": "Kansli-Webhooks/1",
                "X-Kansli-Event": delivery.event,
                "X-Kansli-Delivery": str(delivery.pk),
                SIGNATURE_HEADER: signature(subscription.secret, body),
            },
        )
    now = timezone.now()
    delivery.attempts += 1
    delivery.response_status = status
    delivery.response_body = answer
    if status is not None and 200 <= status < 300:
        delivery.state = WebhookDelivery.State.DELIVERED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif delivery.attempts >= settings.KANSLI_WEBHOOK_ATTEMPTS:
        delivery.state = WebhookDelivery.State.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.next_attempt_at = now + backoff(delivery.attempts)
    delivery.save()
    if delivery.state == WebhookDelivery.State.QUEUED:
        _enqueue(delivery.pk, delivery.next_attempt_at)
    return delivery

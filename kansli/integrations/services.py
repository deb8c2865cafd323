"""Webhook subscriptions: a body's administrators subscribe a system's address to the body's
events (`kansli.integrations.webhooks` publishes and delivers them)."""

import secrets
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.integrations import policy
from kansli.integrations.models import Event, WebhookSubscription
from kansli.integrations.webhooks import check_subscriber_url
from kansli.organisation.models import Body


def _events(events: Iterable[str]) -> list[str]:
    chosen = sorted(set(events))
    unknown = [event for event in chosen if event not in Event.values]
    if not chosen or unknown:
        raise ValidationError(
            {"events": _("Välj händelser bland %(events)s.") % {"events": ", ".join(Event.values)}}
        )
    return chosen


def _logged(subscription: WebhookSubscription) -> dict[str, Any]:
    """The subscription as the event log keeps it: without its secret, which the log, kept
    for ever and read by the body's administrators, must not hold."""
    return {key: value for key, value in audit.snapshot(subscription).items() if key != "secret"}


@transaction.atomic
def subscription_create(
    *, actor: Actor, body: Body, name: str, url: str, events: Iterable[str]
) -> WebhookSubscription:
    """Subscribe `url` to the body's `events`, with a new secret to check the signatures by
    (shown to whoever subscribes, once)."""
    policy.require_manage_webhooks(actor, body=body)
    check_subscriber_url(url)
    subscription = WebhookSubscription(
        body=body,
        name=name.strip(),
        url=url,
        secret=secrets.token_urlsafe(32),
        events=_events(events),
    )
    subscription.full_clean()
    subscription.save()
    audit.record(
        actor=actor,
        action=audit.action_name(subscription, "create"),
        instance=subscription,
        after=_logged(subscription),
    )
    return subscription


@transaction.atomic
def subscription_update(
    *,
    actor: Actor,
    subscription: WebhookSubscription,
    name: str,
    url: str,
    events: Iterable[str],
    active: bool,
) -> WebhookSubscription:
    """Change where and of what the subscriber is told, or pause it (`active`); the secret
    stays."""
    policy.require_manage_webhooks(actor, body=subscription.body)
    check_subscriber_url(url)
    stored = WebhookSubscription.objects.select_for_update().get(pk=subscription.pk)
    before = _logged(stored)
    subscription.name = name.strip()
    subscription.url = url
    subscription.events = _events(events)
    subscription.active = active
    subscription.full_clean()
    subscription.save()
    after = _logged(subscription)
    if after != before:
        audit.record(
            actor=actor,
            action=audit.action_name(subscription, "update"),
            instance=subscription,
            before=before,
            after=after,
        )
    return subscription


@transaction.atomic
def subscription_delete(*, actor: Actor, subscription: WebhookSubscription) -> None:
    """End the subscription; its deliveries go with it."""
    policy.require_manage_webhooks(actor, body=subscription.body)
    before = _logged(subscription)
    audit.record(
        actor=actor,
        action=audit.action_name(subscription, "delete"),
        instance=subscription,
        before=before,
    )
    subscription.delete()

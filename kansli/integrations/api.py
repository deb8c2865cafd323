"""Webhook subscriptions through the API, for the body's administrators: subscribe an address
to events, see each delivery and its answer, end a subscription."""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from kansli.integrations import services
from kansli.integrations.models import Event, WebhookDelivery, WebhookSubscription
from kansli.integrations.policy import may_manage_webhooks
from kansli.organisation.api import body_found, found
from kansli.organisation.models import Body
from kansli.pagination import Paging, linked_page
from kansli.texts import gettext_lazy as _lazy

router = Router()


class Subscription(Schema):
    id: int
    name: str
    url: str
    events: list[str]
    active: bool
    created_at: datetime.datetime


class NewSubscription(Subscription):
    secret: str = Field(
        description=_lazy(
            "Nyckeln till signaturerna (X-Kansli-Signature). Visas bara nu: spara den."
        )
    )


class SubscriptionIn(Schema):
    name: str = Field(min_length=1, max_length=100)
    url: str = Field(min_length=1, max_length=500)
    events: list[Event] = Field(min_length=1)


class Delivery(Schema):
    id: int
    event: str
    state: str = Field(description="queued, delivered, failed")
    attempts: int
    next_attempt_at: datetime.datetime | None
    response_status: int | None = Field(description=_lazy("Mottagarens svarskod, om den svarade."))
    response_body: str
    created_at: datetime.datetime
    delivered_at: datetime.datetime | None
    payload: dict[str, Any]


def _managed_body(request: HttpRequest, slug: str) -> Body:
    body = body_found(slug)
    if not may_manage_webhooks(request.user, body):
        raise PermissionDenied(
            _("Bara administratörer hos %(body)s hanterar webhook-prenumerationer.")
            % {"body": body}
        )
    return body


def _subscription(body: Body, subscription_id: int) -> WebhookSubscription:
    return found(
        body.webhook_subscriptions.all(),
        _("%(body)s har ingen webhook-prenumeration med id %(id)d.")
        % {"body": body, "id": subscription_id},
        pk=subscription_id,
    )


@router.get(
    "/bodies/{slug}/webhooks",
    response=list[Subscription],
    summary=_lazy("Webhook-prenumerationerna"),
)
def subscription_list(
    request: HttpRequest, response: HttpResponse, slug: str, paging: Query[Paging]
) -> list[WebhookSubscription]:
    subscriptions = _managed_body(request, slug).webhook_subscriptions.all()
    return linked_page(request, response, subscriptions, paging, ("name", "pk"))


@router.post(
    "/bodies/{slug}/webhooks",
    response={201: NewSubscription},
    summary=_lazy("Prenumerera på händelser: en signerad POST till adressen för varje"),
)
def subscription_create(
    request: HttpRequest, slug: str, payload: SubscriptionIn
) -> Status[WebhookSubscription]:
    subscription = services.subscription_create(
        actor=request.user,
        body=body_found(slug),
        name=payload.name,
        url=payload.url,
        events=payload.events,
    )
    return Status(201, subscription)


@router.delete(
    "/bodies/{slug}/webhooks/{subscription_id}",
    response={204: None},
    summary=_lazy("Avsluta en prenumeration"),
)
def subscription_delete(request: HttpRequest, slug: str, subscription_id: int) -> Status[None]:
    body = _managed_body(request, slug)
    subscription = _subscription(body, subscription_id)
    services.subscription_delete(actor=request.user, subscription=subscription)
    return Status(204, None)


class DeliveryFilter(Schema):
    state: WebhookDelivery.State | None = None


@router.get(
    "/bodies/{slug}/webhooks/{subscription_id}/deliveries",
    response=list[Delivery],
    summary=_lazy("En prenumerations leveranser, nyast först"),
)
def delivery_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    subscription_id: int,
    filters: Query[DeliveryFilter],
    paging: Query[Paging],
) -> list[WebhookDelivery]:
    deliveries = _subscription(_managed_body(request, slug), subscription_id).deliveries.all()
    if filters.state:
        deliveries = deliveries.filter(state=filters.state)
    return linked_page(request, response, deliveries, paging, ("-created_at", "-pk"))

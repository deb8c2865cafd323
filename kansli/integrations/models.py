"""What systems that feed and follow Kansli need: the idempotency keys of their retried calls,
and webhook subscriptions with each delivery of an event.

A system that registers through the API sends an `Idempotency-Key` with each call; the answer
is kept under the key, for the user the token belongs to, so that a retry gets the first
answer back instead of a second case number. A subscriber gets a signed POST for each event of
its body it asked for (`Event`); each delivery is kept with its state and the last answer.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansli.organisation.models import Body


class IdempotencyKey(models.Model):
    """The first answer to a call made with an `Idempotency-Key`: replayed to a retry of the
    same call, refused to another call with the same key, forgotten at `expires_at`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="idempotency_keys",
        verbose_name=_("användare"),
    )
    key = models.CharField(_("nyckel"), max_length=255)
    # The SHA-256 of the call: its operation, its fields and its files' checksums.
    fingerprint = models.CharField(_("anropets kontrollsumma"), max_length=64)
    status = models.PositiveSmallIntegerField(_("svarets status"))
    response = models.JSONField(_("svaret"))
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)
    expires_at = models.DateTimeField(_("glöms"))

    class Meta:
        verbose_name = _("idempotensnyckel")
        verbose_name_plural = _("idempotensnycklar")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_per_user"),
        ]
        indexes = [models.Index(fields=["expires_at"], name="idempotency_key_expires")]

    def __str__(self) -> str:
        return self.key


class Event(models.TextChoices):
    """What a subscriber may be told of."""

    DOCUMENT_REGISTERED = "document.registered", _("en handling registreras")
    CASE_CLOSED = "case.closed", _("ett ärende avslutas")
    POSTING_PUBLISHED = "posting.published", _("ett justerat protokoll anslås")


class WebhookSubscription(models.Model):
    """A system's wish to be told of the body's events: a POST to `url` of each event in
    `events`, signed with `secret` (HMAC-SHA256 over the body)."""

    body = models.ForeignKey(
        Body,
        on_delete=models.CASCADE,
        related_name="webhook_subscriptions",
        verbose_name=_("huvudman"),
    )
    name = models.CharField(_("benämning"), max_length=100)
    url = models.URLField(_("adress"), max_length=500)
    secret = models.CharField(_("hemlighet för signaturen"), max_length=200)
    events = models.JSONField(_("händelser"), default=list)
    active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)

    class Meta:
        verbose_name = _("webhook-prenumeration")
        verbose_name_plural = _("webhook-prenumerationer")
        ordering = ["body", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"


class WebhookDelivery(models.Model):
    """One event sent, or to be sent, to one subscriber: queued until it is delivered (a 2xx
    answer) or has failed every attempt; the last answer is kept."""

    class State(models.TextChoices):
        QUEUED = "queued", _("i kö")
        DELIVERED = "delivered", _("levererad")
        FAILED = "failed", _("misslyckad")

    subscription = models.ForeignKey(
        WebhookSubscription,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("prenumeration"),
    )
    event = models.CharField(_("händelse"), max_length=40, choices=Event.choices)
    payload = models.JSONField(_("innehåll"), encoder=DjangoJSONEncoder)
    state = models.CharField(_("läge"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    next_attempt_at = models.DateTimeField(_("nästa försök"), null=True, blank=True)
    response_status = models.PositiveSmallIntegerField(_("svarets status"), null=True, blank=True)
    response_body = models.TextField(_("svaret"), blank=True)
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)
    delivered_at = models.DateTimeField(_("levererad"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook-leverans")
        verbose_name_plural = _("webhook-leveranser")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="delivered", delivered_at__isnull=False)
                | ~Q(state="delivered") & Q(delivered_at__isnull=True),
                name="webhook_delivered_at_when_delivered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription}"

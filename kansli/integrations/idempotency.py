"""Idempotency keys: a system that registers through the API sends an `Idempotency-Key`
with each call, and a retry of the call gets the first answer back instead of a second case
number. The answer is kept under the key, for the user the API key belongs to, for
KANSLI_IDEMPOTENCY_HOURS; it is bookkeeping, not in the event log (kansli.audit.tables): the
change the call made is."""

import datetime
import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit.services import Actor
from kansli.integrations.models import IdempotencyKey


def fingerprint(operation: str, fields: dict[str, Any], files: Iterable[str] = ()) -> str:
    """The SHA-256 of a call: its operation, its fields and its files' SHA-256 digests, so
    that a retry of the same call matches however the client encodes it."""
    return hashlib.sha256(
        json.dumps(
            [operation, fields, list(files)], sort_keys=True, default=str, ensure_ascii=False
        ).encode()
    ).hexdigest()


def idempotent(
    *,
    actor: Actor,
    key: str,
    fingerprint: str,
    call: Callable[[], tuple[int, dict[str, Any]]],
) -> tuple[int, dict[str, Any]]:
    """The answer (status, body) to a call made with an idempotency key: the first answer
    again for a retry of the same call, the call's own when the key is new (kept with it,
    in its transaction, for KANSLI_IDEMPOTENCY_HOURS), a 422 for another call with the key.

    Two calls with one key at once: the second waits on the key's unique row and gets the
    first's answer."""
    user_id = getattr(actor, "pk", None)
    if user_id is None:
        return call()
    now = timezone.now()
    IdempotencyKey.objects.filter(user_id=user_id, key=key, expires_at__lte=now).delete()
    with transaction.atomic():
        stored = IdempotencyKey.objects.filter(user_id=user_id, key=key).first()
        if stored is None:
            status, answer = call()
            try:
                with transaction.atomic():
                    IdempotencyKey.objects.create(
                        user_id=user_id,
                        key=key,
                        fingerprint=fingerprint,
                        status=status,
                        response=answer,
                        expires_at=now
                        + datetime.timedelta(hours=settings.KANSLI_IDEMPOTENCY_HOURS),
                    )
            except IntegrityError:
                # Another call with the key committed first: this one's work is undone.
                transaction.set_rollback(True)
            else:
                return status, answer
    stored = stored or IdempotencyKey.objects.get(user_id=user_id, key=key)
    if stored.fingerprint != fingerprint:
        message = _(
            "Nyckeln %(key)s har redan använts för ett annat anrop. Använd en ny nyckel för ett "
            "nytt anrop."
        ) % {"key": key}
        raise ValidationError({"Idempotency-Key": ValidationError(message, code="conflict")})
    return stored.status, stored.response


def keys_sweep(*, now: datetime.datetime | None = None) -> int:
    """Forget every key whose lifetime (KANSLI_IDEMPOTENCY_HOURS) has run out; how many.

    A key is forgotten on its own next use too, but a key that is never used again would stay
    for good, with the answer it keeps (which may name a secret document's description):
    `kansli integrations sweep-keys`, run from cron or a systemd timer, or the task
    `kansli.integrations.tasks.sweep_idempotency_keys`, removes them."""
    expired = IdempotencyKey.objects.filter(expires_at__lte=now or timezone.now())
    count, _deleted = expired.delete()
    return count

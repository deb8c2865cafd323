"""Writing to the event log, and the small audited writes every app's services build on.

Every write goes through a service that records its event in the same transaction:
if the change rolls back, so does its event, and no event exists without its change.
"""

import datetime
import hashlib
from collections.abc import Iterable
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone

from kansli.audit.chain import event_hash, to_json_value
from kansli.audit.models import ChainHead, Event

M = TypeVar("M", bound=models.Model)
Actor = AbstractBaseUser | AnonymousUser | None

SYSTEM_ACTOR = "system"


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The stored values of a row, as JSON, for an event's before and after."""
    return to_json_value(
        {field.attname: _logged_value(instance, field) for field in instance._meta.concrete_fields}
    )


def _logged_value(instance: models.Model, field: models.Field) -> Any:
    value = field.value_from_object(instance)
    if isinstance(instance, AbstractBaseUser) and field.name == "password":
        # The log is kept for ever: a password hash in it could be cracked offline. A digest
        # of the hash (whose salt it hides) still shows when the password changed.
        return "sha256:" + hashlib.sha256(value.encode()).hexdigest()
    return value


def _related_keys(instance: models.Model, names: Iterable[str]) -> dict[str, list[Any]]:
    """The primary keys a saved row's many-to-many fields point to, sorted, by field name."""
    return {name: sorted(getattr(instance, name).values_list("pk", flat=True)) for name in names}


def event_payload(event: Event) -> dict[str, Any]:
    """What the hash of an event covers: everything but the hash itself."""
    return {
        "seq": event.seq,
        "at": event.at.astimezone(datetime.UTC).isoformat(),
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "before": event.before,
        "after": event.after,
    }


def record(
    *,
    actor: Actor,
    action: str,
    instance: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> Event:
    """Append one event to the chain. Must run inside the writing service's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside the transaction of the change it records")
    # The locked head row makes concurrent writers take turns: each one reads the end of the
    # chain only after the one before it has committed. (A database flushed by a test has
    # lost the row its migration created; the first writer makes it anew.)
    head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
    user = actor if actor is not None and actor.is_authenticated else None
    event = Event(
        seq=head.seq + 1,
        at=timezone.now(),
        actor=user,
        actor_name=user.get_username() if user else SYSTEM_ACTOR,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        before=to_json_value(before),
        after=to_json_value(after),
        prev_hash=head.hash,
    )
    event.hash = event_hash(event.prev_hash, event_payload(event))
    event.save()
    head.seq, head.hash = event.seq, event.hash
    head.save(update_fields=["seq", "hash"])
    return event


def action_name(instance: models.Model, verb: str) -> str:
    return f"{instance._meta.model_name}.{verb}"


@transaction.atomic
def create(*, actor: Actor, instance: M) -> M:
    """Validate and save a new row, and record it."""
    instance.full_clean()
    instance.save()
    record(
        actor=actor,
        action=action_name(instance, "create"),
        instance=instance,
        after=snapshot(instance),
    )
    return instance


@transaction.atomic
def update(*, actor: Actor, instance: M, **changes: Any) -> M:
    """Apply `changes` to a saved row, validate, save and record before and after.

    The row is re-read under lock so that `before` is what the database held.
    """
    stored = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    before = snapshot(stored)
    for name, value in changes.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    after = snapshot(instance)
    if after != before:
        record(
            actor=actor,
            action=action_name(instance, "update"),
            instance=instance,
            before=before,
            after=after,
        )
    return instance


@transaction.atomic
def set_relations(*, actor: Actor, instance: models.Model, **relations: Iterable[Any]) -> None:
    """Set many-to-many fields of a saved row (`groups=[…]`), and record before and after."""
    before = _related_keys(instance, relations)
    for name, objects in relations.items():
        getattr(instance, name).set(objects)
    after = _related_keys(instance, relations)
    if after != before:
        record(
            actor=actor,
            action=action_name(instance, "update"),
            instance=instance,
            before=before,
            after=after,
        )


@transaction.atomic
def delete(*, actor: Actor, instance: models.Model) -> None:
    """Delete a row and the rows that go with it (on_delete=CASCADE), recording each one."""
    collector = Collector(using=router.db_for_write(type(instance)), origin=instance)
    collector.collect([instance])
    for row in _rows_to_delete(collector, first=instance):
        record(actor=actor, action=action_name(row, "delete"), instance=row, before=snapshot(row))
    collector.delete()


def _rows_to_delete(collector: Collector, *, first: models.Model) -> list[models.Model]:
    """The rows the collector will delete: `first`, then the cascade by model and key.

    Rows of Django's own many-to-many link tables are left out: the row they link
    from is recorded, and they hold nothing else.
    """
    batches = [*collector.data.items(), *((rows.model, rows) for rows in collector.fast_deletes)]
    cascade = [
        row
        for model, rows in batches
        if not model._meta.auto_created
        for row in rows
        if row != first
    ]
    return [first, *sorted(cascade, key=lambda row: (row._meta.label_lower, row.pk))]

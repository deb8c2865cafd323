"""Writing to the event log, and the small audited writes every app's services build on.

Every write goes through a service that records its event in the same transaction:
if the change rolls back, so does its event, and no event exists without its change.
"""

import datetime
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit.bodies import body_ids
from kansli.audit.chain import event_hash, to_json_value
from kansli.audit.models import ChainHead, Event

if TYPE_CHECKING:
    from kansli.accounts.models import User

M = TypeVar("M", bound=models.Model)
# The project's user, anonymous, or None for the system itself. The accounts app builds on this
# module, so its User is named here for the type checker only.
Actor: TypeAlias = "User | AnonymousUser | None"

SYSTEM_ACTOR = "system"
# Rows to an insert: well under the 65,535 parameters a PostgreSQL statement may have.
BATCH = 1_000


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The stored values of a row, as JSON, for an event's before and after."""
    return to_json_value(
        {field.attname: _logged_value(instance, field) for field in instance._meta.concrete_fields}
    )


def _logged_value(instance: models.Model, field: models.Field) -> Any:
    value = field.value_from_object(instance)
    if isinstance(field, models.FileField):
        # A stored file is logged by its name in the storage; its row keeps its hash, which
        # `kansli audit verify` compares with the file (kansli.audit.tables.HASHED_FILES).
        return value.name or ""
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


@dataclass(frozen=True)
class Change:
    """One change to append to the chain: what was done to which row, before and after."""

    action: str
    instance: models.Model
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def record(
    *,
    actor: Actor,
    action: str,
    instance: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> Event:
    """Append one event to the chain. Must run inside the writing service's transaction."""
    return append(actor=actor, changes=[Change(action, instance, before, after)])[0]


def append(*, actor: Actor, changes: Sequence[Change]) -> list[Event]:
    """Append an event per change to the chain, in order, under one lock of its head. Must run
    inside the writing service's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside the transaction of the change it records")
    if not changes:
        return []
    # The rows' bodies are looked up before the head is locked: every other writer waits for
    # the lock, so it is held for the events' insert, the head's update and the commit alone.
    bodies = _bodies(changes)
    connection = transaction.get_connection()
    seq, hash_ = _head_locked(connection)
    user = actor if actor is not None and actor.is_authenticated else None
    actor_name = user.get_username() if user else SYSTEM_ACTOR
    at = timezone.now()
    events = []
    for change, body_id in zip(changes, bodies, strict=True):
        event = Event(
            seq=seq + 1,
            at=at,
            actor=user,
            actor_name=actor_name,
            action=change.action,
            object_type=change.instance._meta.label_lower,
            object_id=str(change.instance.pk),
            object_repr=str(change.instance)[:300],
            body_id=body_id,
            before=to_json_value(change.before),
            after=to_json_value(change.after),
            prev_hash=hash_,
        )
        event.hash = event_hash(settings.KANSLI_AUDIT_KEY, event.prev_hash, event_payload(event))
        seq, hash_ = event.seq, event.hash
        events.append(event)
    Event.objects.bulk_create(events, batch_size=BATCH)
    with connection.cursor() as cursor:
        cursor.execute(_HEAD_UPDATE, [seq, hash_])
    return events


def _bodies(changes: Sequence[Change]) -> list[int | None]:
    """The body of each change's row, a query per model at most."""
    by_model: dict[type[models.Model], list[int]] = {}
    for index, change in enumerate(changes):
        by_model.setdefault(type(change.instance), []).append(index)
    bodies: list[int | None] = [None] * len(changes)
    for indexes in by_model.values():
        found = body_ids([changes[index].instance for index in indexes])
        for index, body_id in zip(indexes, found, strict=True):
            bodies[index] = body_id
    return bodies


# The head is read and written with plain statements: every audited write of the system runs
# them, and building them through the ORM costs more than the database takes to answer.
_HEAD = ChainHead._meta.db_table
_HEAD_UPDATE = f"UPDATE {_HEAD} SET seq = %s, hash = %s WHERE id = 1"  # noqa: S608


def _head_locked(connection: BaseDatabaseWrapper) -> tuple[int, str]:
    """The chain's end (seq, hash), its row locked until the transaction ends.

    The locked row makes concurrent writers take turns: each one reads the end of the chain
    only after the one before it has committed. (A database flushed by a test has lost the row
    its migration created; the first writer makes it anew.)
    """
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT seq, hash FROM {_HEAD} WHERE id = 1{lock}")  # noqa: S608
        found = cursor.fetchone()
    if found is None:
        head, _created = ChainHead.objects.select_for_update().get_or_create(pk=1)
        return head.seq, head.hash
    return found


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


class RowError(ValidationError):
    """A row of `insert_many` that may not be saved, with its place in the list (None when
    the database refused the rows without saying which)."""

    def __init__(self, index: int | None, error: ValidationError) -> None:
        super().__init__(error.messages)
        self.index = index


@transaction.atomic(savepoint=False)
def create_many(*, actor: Actor, instances: Sequence[M]) -> list[M]:
    """Validate and save new rows of one model in one insert, and record each: `insert_many`,
    then `record_created`."""
    rows = insert_many(instances=instances)
    record_created(actor=actor, instances=rows)
    return rows


def insert_many(*, instances: Sequence[M]) -> list[M]:
    """Validate and save new rows of one model in one insert, not yet recorded: the calling
    service records them (`record_created`, or `append` with `created`) in the same
    transaction, as its last write where it can. The chain's head is locked from the first
    event to the commit, so every write made before the events is a write no other writer
    waits for (docs/benchmarks.md, "Registration: what serializes"). A row left unrecorded is
    what `kansli audit verify` and, on PostgreSQL, the triggers report.

    Each row's fields are validated here; its constraints and foreign keys are left to the
    database, which checks them in the insert instead of a query per constraint as
    `full_clean` would. A violation is raised as `RowError`, with the constraint's message
    and the row's place in the list.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.insert_many must run inside the transaction that records it")
    instances = list(instances)
    if not instances:
        return []
    model = type(instances[0])
    relations = [field.name for field in model._meta.concrete_fields if field.is_relation]
    for index, instance in enumerate(instances):
        try:
            instance.clean_fields(exclude=relations)
            instance.clean()
        except ValidationError as error:
            raise RowError(index, error) from error
    # A single row needs no savepoint: the error names the constraint, and the row is known.
    # For many, the savepoint lets their constraints be checked again to find the one refused.
    many = len(instances) > 1
    try:
        with transaction.atomic(savepoint=many):
            model._default_manager.bulk_create(instances, batch_size=BATCH)
    except IntegrityError as error:
        if many:
            raise _violation(instances, error) from error
        raise RowError(0, ValidationError(_constraint_message(model, error))) from error
    return instances


def created(instance: models.Model) -> Change:
    """The change that records a new row as it is now (`insert_many`)."""
    return Change(action_name(instance, "create"), instance, after=snapshot(instance))


def record_created(*, actor: Actor, instances: Sequence[models.Model]) -> list[Event]:
    """Record rows saved by `insert_many`, an event each, in order."""
    return append(actor=actor, changes=[created(instance) for instance in instances])


def _constraint_message(model: type[models.Model], error: IntegrityError) -> str:
    """The message of the model's constraint that the database names in `error`."""
    diagnostics = getattr(error.__cause__, "diag", None)
    named = getattr(diagnostics, "constraint_name", None)
    for constraint in model._meta.constraints:
        if constraint.name == named or (named is None and constraint.name in str(error)):
            # Django formats the message with the constraint's name: a text, lazy or not.
            return str(constraint.get_violation_error_message())
    return _("Uppgifterna kunde inte sparas: de bryter mot en regel i databasen (%(error)s).") % {
        "error": error
    }


def _violation(instances: list[M], error: IntegrityError) -> RowError:
    """The row the database refused and why, found by checking the rows' constraints (the
    insert's savepoint has been rolled back, so the transaction may query again)."""
    for index, instance in enumerate(instances):
        try:
            instance.validate_constraints()
        except ValidationError as found:
            return RowError(index, found)
    return RowError(None, ValidationError(_constraint_message(type(instances[0]), error)))


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

"""Reading the event log: verifying the chain, its anchors, and the rows it answers for."""

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from kansli.audit.chain import KEYED, event_hash
from kansli.audit.models import GENESIS, ChainHead, Event, RowChange
from kansli.audit.services import event_payload, snapshot
from kansli.audit.tables import HASHED_FILES, UNLOGGED_FIELDS, audited_models

# Rows, ids or anchors read at a time: memory stays flat however long the log.
CHUNK = 500


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.first_bad_seq is None


@dataclass(frozen=True)
class _Walk:
    """How far a walk along the chain has come: the next seq due and the hash it must follow."""

    next_seq: int = 1
    prev_hash: str = GENESIS
    checked: int = 0


def _walk(walk: _Walk) -> _Walk | ChainReport:
    """Check the events from `walk.next_seq` on; a report if one does not hold."""
    events = Event.objects.filter(seq__gte=walk.next_seq).order_by("seq")
    for event in events.iterator(chunk_size=2000):
        if event.seq != walk.next_seq:
            return ChainReport(walk.checked, walk.next_seq, "missing")
        if event.prev_hash != walk.prev_hash:
            return ChainReport(walk.checked, event.seq, "broken link")
        if event.hash != event_hash(
            settings.KANSLI_AUDIT_KEY, event.prev_hash, event_payload(event)
        ):
            return ChainReport(walk.checked, event.seq, "altered")
        walk = _Walk(event.seq + 1, event.hash, walk.checked + 1)
    return walk


def chain_verify() -> ChainReport:
    """Walk the whole chain once, in order, and name the first event that does not hold.

    The long walk runs beside the writers; only the comparison with the chain's head, and
    the few events written meanwhile, are checked with the head locked and writers waiting.
    """
    walk = _walk(_Walk())
    if isinstance(walk, ChainReport):
        return walk
    with transaction.atomic():
        head = ChainHead.objects.select_for_update().filter(pk=1).first()
        walk = _walk(walk)
    if isinstance(walk, ChainReport):
        return walk
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    last_seq = walk.next_seq - 1
    if head_seq > last_seq:
        return ChainReport(walk.checked, walk.next_seq, "missing at the end")
    if head_seq < last_seq:
        return ChainReport(walk.checked, head_seq + 1, "beyond the end")
    if head_hash != walk.prev_hash:
        return ChainReport(walk.checked, last_seq, "altered")
    return ChainReport(walk.checked)


def chain_head() -> tuple[int, str]:
    """The chain's end as its head row records it: (seq, hash)."""
    head = ChainHead.objects.filter(pk=1).first()
    return (head.seq, head.hash) if head else (0, GENESIS)


ANCHOR = re.compile(r"\bseq=(\d+) hash=([0-9a-f]{64})\b")


def anchor_line() -> str:
    """The line `kansli audit anchor` prints for the operator to keep outside the database."""
    seq, hash_ = chain_head()
    return f"{timezone.localtime():%Y-%m-%dT%H:%M:%S%z} seq={seq} hash={hash_} keyed={KEYED}"


def anchors_read(lines: Iterable[str]) -> list[tuple[int, str]]:
    """The (seq, hash) of each anchor line, in order of seq; lines with none (a syslog's other
    lines, comments) are passed over."""
    return sorted((int(found[1]), found[2]) for line in lines if (found := ANCHOR.search(line)))


@dataclass(frozen=True)
class AnchorReport:
    """An anchored event that the chain no longer holds as it was anchored, and how."""

    seq: int
    problem: str


def anchors_verify(anchors: Sequence[tuple[int, str]]) -> AnchorReport | None:
    """Check that every anchored (seq, hash) is still in the chain; name the first that is not
    (a deleted end with the head moved back, an emptied log, a rehashed chain)."""
    for start in range(0, len(anchors), CHUNK):
        batch = [(seq, hash_) for seq, hash_ in anchors[start : start + CHUNK] if seq > 0]
        stored = dict(
            Event.objects.filter(seq__in=[seq for seq, _hash in batch]).values_list("seq", "hash")
        )
        for seq, hash_ in batch:
            if seq not in stored:
                return AnchorReport(seq, "missing")
            if stored[seq] != hash_:
                return AnchorReport(seq, "altered")
    return None


@dataclass(frozen=True)
class RowReport:
    """A row of an audited table that does not match the log: which, and how."""

    object_type: str
    object_id: str
    problem: str
    field: str = ""
    seq: int | None = None


def unaccounted_change() -> RowReport | None:
    """The first change PostgreSQL's triggers saw made around the audited services."""
    change = RowChange.objects.order_by("pk").first()
    if change is None:
        return None
    field = ""
    if change.operation == RowChange.Operation.UPDATE:
        before, after = change.before or {}, change.after or {}
        columns = [f.column for f in apps.get_model(change.object_type)._meta.concrete_fields]
        field = next((name for name in columns if before.get(name) != after.get(name)), "")
    return RowReport(change.object_type, change.object_id, f"unaccounted {change.operation}", field)


def rows_verify() -> RowReport | None:
    """Compare each row of every audited table with the state its last event describes, and
    name the first that does not match: changed, inserted or deleted around the log.

    On PostgreSQL the comparison reads one snapshot of the database, so that a write
    committed meanwhile is not taken for a mismatch (unless the caller holds a transaction
    already). On SQLite, whose transaction would hold off every writer, run it when nobody
    writes, or run it again: a mismatch that a write made goes away.
    """
    connection = transaction.get_connection()
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return _rows_verify()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return _rows_verify()


def _rows_verify() -> RowReport | None:
    for model in audited_models():
        found = _logged_rows_verify(model) or _unlogged_row(model)
        if found is not None:
            return found
    return None


def _logged_rows_verify(model: type[models.Model]) -> RowReport | None:
    """Walk the rows the log knows of, a chunk of ids at a time."""
    label = model._meta.label_lower
    events = Event.objects.filter(object_type=label)
    ids = events.values_list("object_id", flat=True).distinct().order_by("object_id")
    last = None
    while page := list((ids if last is None else ids.filter(object_id__gt=last))[:CHUNK]):
        last = page[-1]
        states = logged_states(events.filter(object_id__in=page))
        rows = {str(row.pk): row for row in model._base_manager.filter(pk__in=list(states))}
        for object_id, (seq, state) in sorted(states.items()):
            row = rows.get(object_id)
            if state is None and row is not None:
                return RowReport(label, object_id, "not deleted", seq=seq)
            if state is not None and row is None:
                return RowReport(label, object_id, "deleted", seq=seq)
            if row is not None and state is not None and (field := _first_difference(row, state)):
                return RowReport(label, object_id, "differs", field, seq)
    return None


def logged_states(events: QuerySet[Event]) -> dict[str, tuple[int, dict[str, Any] | None]]:
    """By object id, the last event that describes a state and the state it leaves the row in
    (None: deleted). Events that describe none (an operator's sign-in) are passed over; an
    adoption (kansli.audit.adoption) sets the whole state as the operator took it in."""
    states: dict[str, tuple[int, dict[str, Any] | None]] = {}
    rows = events.order_by("seq").values_list("seq", "object_id", "action", "after")
    for seq, object_id, action, after in rows.iterator(chunk_size=CHUNK):
        verb = action.rpartition(".")[2]
        if verb == "create":
            states[object_id] = (seq, dict(after or {}))
        elif verb == "update":
            earlier = states.get(object_id, (seq, {}))[1] or {}
            states[object_id] = (seq, {**earlier, **(after or {})})
        elif verb == "delete":
            states[object_id] = (seq, None)
        elif verb == "adopt":
            states[object_id] = (seq, None if after is None else dict(after))
    return states


def _first_difference(row: models.Model, state: dict[str, Any]) -> str:
    """The first field whose stored value is not the logged one ('' when all match). A field
    the log has never described (added by a later migration) cannot be compared."""
    unlogged = UNLOGGED_FIELDS.get(row._meta.label_lower, {})
    current = snapshot(row)
    for field in row._meta.concrete_fields:
        name = field.attname
        if name in unlogged or name not in state:
            continue
        if not _same(field, state[name], current[name]):
            return name
    return ""


def _same(field: models.Field, logged: Any, current: Any) -> bool:
    """Whether a logged value and a stored one are the same value of `field` (12.5 and 12.50
    are one amount, a time in UTC and in local time one moment)."""
    if logged == current:
        return True
    try:
        return field.to_python(logged) == field.to_python(current)
    except (ValidationError, TypeError, ValueError):
        return False


def _unlogged_row(model: type[models.Model]) -> RowReport | None:
    """The first row of `model` that no event describes: inserted around the log. (An event
    that describes no state, an operator's sign-in, does not vouch for the row.)"""
    label = model._meta.label_lower
    logged = Event.objects.filter(
        Q(action__endswith=".create")
        | Q(action__endswith=".update")
        | Q(action__endswith=".adopt", after__isnull=False),
        object_type=label,
        object_id=Cast(OuterRef("pk"), models.CharField()),
    )
    found = (
        model._base_manager.filter(~Exists(logged))
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return None if found is None else RowReport(label, str(found), "no event")


@dataclass(frozen=True)
class FileReport:
    """A stored file that is not what its row's hash says: changed, or missing."""

    object_type: str
    object_id: str
    row: str  # the row as it reads (str), naming what the file is
    name: str  # the file's name in the storage
    problem: str  # "changed" or "missing"


def files_verify() -> FileReport | None:
    """Read every file of the tables in HASHED_FILES and compare its SHA-256 with the one its
    row holds (which rows_verify compares with the log); name the first that differs."""
    for label, pairs in HASHED_FILES.items():
        model = apps.get_model(label)
        for row in model._base_manager.order_by("pk").iterator(chunk_size=CHUNK):
            for file_field, hash_field in pairs:
                found = _file_problem(getattr(row, file_field), getattr(row, hash_field))
                if found:
                    stored = getattr(row, file_field)
                    name = getattr(stored, "name", stored)
                    return FileReport(label, str(row.pk), str(row), name, found)
    return None


def _file_problem(stored: Any, expected: str) -> str:
    """'' when the file's hash is `expected`, else what is wrong. `stored` is a FileField's
    file or a storage name."""
    storage = getattr(stored, "storage", default_storage)
    name = getattr(stored, "name", stored)
    if not name or not storage.exists(name):
        return "missing"
    digest = hashlib.sha256()
    with storage.open(name, "rb") as content:
        for chunk in iter(lambda: content.read(1 << 20), b""):
            digest.update(chunk)
    return "" if digest.hexdigest() == expected else "changed"

"""Reading the event log: verifying the chain."""

from dataclasses import dataclass

from django.db import transaction

from kansli.audit.chain import event_hash
from kansli.audit.models import GENESIS, ChainHead, Event
from kansli.audit.services import event_payload


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
        if event.hash != event_hash(event.prev_hash, event_payload(event)):
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

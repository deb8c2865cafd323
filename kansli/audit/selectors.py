"""Reading the event log: verifying the chain."""

from dataclasses import dataclass

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


def chain_verify() -> ChainReport:
    """Walk the whole chain once, in order, and name the first event that does not hold."""
    expected_seq, prev_hash, checked = 1, GENESIS, 0
    for event in Event.objects.order_by("seq").iterator(chunk_size=2000):
        if event.seq != expected_seq:
            return ChainReport(checked, expected_seq, "missing")
        if event.prev_hash != prev_hash:
            return ChainReport(checked, event.seq, "broken link")
        if event.hash != event_hash(event.prev_hash, event_payload(event)):
            return ChainReport(checked, event.seq, "altered")
        expected_seq, prev_hash, checked = event.seq + 1, event.hash, checked + 1
    head = ChainHead.objects.filter(pk=1).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != expected_seq - 1 or head_hash != prev_hash:
        return ChainReport(checked, expected_seq, "missing at the end")
    return ChainReport(checked)

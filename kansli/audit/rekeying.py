"""Re-keying the chain: check every event under the hash it was written with, then rewrite the
chain's hashes under a new key and append an event that says so.

Run once by migration 0005 (from the plain SHA-256 chain to the keyed one) and by
`kansli audit rekey` when the key is rotated.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit.chain import HashFunction, event_hash
from kansli.audit.models import GENESIS, ChainHead, Event

REKEY_ACTION = "chainhead.rekey"
_BATCH = 2_000


def chain_rekey(
    *,
    events: type[Event],
    heads: type[ChainHead],
    old_hash: HashFunction,
    old_name: str,
    key: str,
) -> int:
    """Rewrite the chain of `events` (whose head is in `heads`) from `old_hash` to the HMAC of
    `key`, and return the number of events re-keyed. Refuses, naming the event, if the chain
    does not hold under `old_hash`: a broken chain is not laundered into an intact one.

    Takes the models as arguments so that a migration can pass its historical ones, which have
    the fields of today's.
    """
    from kansli.audit.services import event_payload

    head = heads.objects.select_for_update().get_or_create(pk=1)[0]
    old_prev, new_prev, seq = GENESIS, GENESIS, 0
    while batch := list(events.objects.filter(seq__gt=seq).order_by("seq")[:_BATCH]):
        for event in batch:
            seq += 1
            if event.seq != seq or event.prev_hash != old_prev:
                raise ValidationError(_refusal(seq))
            if event.hash != old_hash(event.prev_hash, event_payload(event)):
                raise ValidationError(_refusal(event.seq))
            old_prev = event.hash
            event.prev_hash = new_prev
            event.hash = new_prev = event_hash(key, new_prev, event_payload(event))
        events.objects.bulk_update(batch, ["prev_hash", "hash"])
    if (head.seq, head.hash) != (seq, old_prev):
        raise ValidationError(_refusal(seq + 1 if head.seq > seq else head.seq + 1))
    if seq == 0:
        return 0
    note = events(
        seq=seq + 1,
        at=timezone.now(),
        actor_name="system",
        action=REKEY_ACTION,
        object_type="audit.chainhead",
        object_id="1",
        object_repr=_("kedjans slut"),
        after={"rekeyed_through": seq, "previous_hash": old_prev, "previous_hashing": old_name},
        prev_hash=new_prev,
    )
    note.hash = event_hash(key, new_prev, event_payload(note))
    note.save()
    head.seq, head.hash = note.seq, note.hash
    head.save()
    return seq


def _refusal(seq: int) -> str:
    return _(
        "Händelseloggen är bruten vid händelse %(seq)d och nycklas inte om: "
        "utred händelsen först (kansli audit verify)."
    ) % {"seq": seq}

"""What the database gives back must hash as what was written (PostgreSQL's jsonb reorders
keys and its timestamptz comes back in UTC; the suite runs on both databases)."""

from collections.abc import Callable

from django.conf import settings

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.audit.chain import event_hash
from kansli.audit.models import Event
from kansli.audit.selectors import chain_verify
from kansli.audit.services import event_payload
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Organization


def test_events_read_back_hash_as_they_were_written(
    board: Organization, make_user: Callable[..., User]
) -> None:
    governance.document_create(
        actor=None,
        body=board.body,
        slug="kd-instruktion",
        kind=GoverningDocument.Kind.INSTRUCTION,
        name="Kommundirektörsinstruktion – ”citat” & så vidare",
        adopted_by=board,
        owner=board,
        laws=["KL 7 kap 1 §", "OSL 5 kap 1 §"],
        referenced_documents=[{"namn": "Delegationsordning", "år": 2019, "gäller": True}],
        internal=True,
    )
    sara = make_user("sara")
    token_create(actor=sara, user=sara, name="Integration")
    written = {e.seq: e.hash for e in Event.objects.all()}

    read_back = list(Event.objects.order_by("seq"))

    assert [
        event_hash(settings.KANSLI_AUDIT_KEY, e.prev_hash, event_payload(e)) for e in read_back
    ] == [written[e.seq] for e in read_back]
    assert chain_verify().intact

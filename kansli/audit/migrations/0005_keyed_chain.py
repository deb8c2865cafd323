"""The chain moves from plain SHA-256 to HMAC-SHA256 under KANSLI_AUDIT_KEY, once: every event is
checked under the old hash, rehashed under the key, and an event `chainhead.rekey` records the
old chain's last hash (docs/security.md, "The audit log: keyed, anchored, verified")."""

from django.conf import settings
from django.db import migrations

from kansli.audit.chain import unkeyed_event_hash
from kansli.audit.rekeying import chain_rekey


def rekey(apps, schema_editor):
    chain_rekey(
        events=apps.get_model("audit", "Event"),
        heads=apps.get_model("audit", "ChainHead"),
        old_hash=unkeyed_event_hash,
        old_name="sha256",
        key=settings.KANSLI_AUDIT_KEY,
    )


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_event_body")]

    # Not reversible: the keyed chain cannot be turned back into the unkeyed one without
    # vouching for it under a weaker hash.
    operations = [migrations.RunPython(rekey)]

"""Moving the chain to a key: migration 0005 re-keys a plain SHA-256 chain once, and
`kansli audit rekey` rotates the key; each checks the chain under the old hash first, refuses a
broken one, and records the old head in an event."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from pytest_django.fixtures import Settings

from kansli.audit.chain import unkeyed_event_hash
from kansli.audit.models import Event
from kansli.audit.rekeying import REKEY_ACTION
from kansli.audit.selectors import chain_verify
from kansli.audit.tests.tampering import rehash_from, tamper

migration = importlib.import_module("kansli.audit.migrations.0005_keyed_chain")
NEW_KEY = "a-new-audit-key-after-rotation-long-and-random-enough-0123456789"


def test_the_migration_rekeys_a_plain_sha256_chain_and_says_so(events: list[Event]) -> None:
    rehash_from(1, unkeyed_event_hash)
    old_head = Event.objects.latest("seq")
    assert not chain_verify().intact

    migration.rekey(apps, None)

    note = Event.objects.latest("seq")
    assert chain_verify().intact
    assert (note.seq, note.action) == (old_head.seq + 1, REKEY_ACTION)
    assert note.after == {
        "rekeyed_through": old_head.seq,
        "previous_hash": old_head.hash,
        "previous_hashing": "sha256",
    }


def test_the_migration_refuses_a_broken_chain_naming_the_event(events: list[Event]) -> None:
    rehash_from(1, unkeyed_event_hash)
    tamper("UPDATE audit_event SET actor_name = %s WHERE seq = %s", "någon annan", 3)

    with pytest.raises(ValidationError, match="bruten vid händelse 3 och nycklas inte om"):
        migration.rekey(apps, None)


def test_rotation_rekeys_the_chain_under_the_new_key(
    events: list[Event], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KANSLI_AUDIT_OLD_KEY", settings.KANSLI_AUDIT_KEY)
    settings.KANSLI_AUDIT_KEY = NEW_KEY

    call_command("audit", "rekey")

    assert chain_verify().intact
    assert Event.objects.latest("seq").after["previous_hashing"] == "hmac-sha256"


@pytest.mark.parametrize(
    "old_key", ["", "not-the-key-the-chain-was-written-with"], ids=["none", "wrong"]
)
def test_rotation_refuses_without_the_right_old_key(
    events: list[Event], settings: Settings, monkeypatch: pytest.MonkeyPatch, old_key: str
) -> None:
    monkeypatch.setenv("KANSLI_AUDIT_OLD_KEY", old_key)
    settings.KANSLI_AUDIT_KEY = NEW_KEY

    with pytest.raises(CommandError):
        call_command("audit", "rekey")

    assert Event.objects.latest("seq").seq == events[-1].seq

"""Helpers of the tamper tests: change the database around the services, and run verify."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from kansli.audit.chain import HashFunction
from kansli.audit.models import GENESIS, Event
from kansli.audit.services import event_payload
from kansli.organisation.models import Person


def tamper(sql: str, *params: object) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def person_copied_by_sql() -> Person:
    """A copy of the (one) person, inserted around the services."""
    columns = ", ".join(
        field.column for field in Person._meta.concrete_fields if not field.primary_key
    )
    tamper(
        f"INSERT INTO organisation_person ({columns}) SELECT {columns} "  # noqa: S608
        "FROM organisation_person"
    )
    return Person.objects.latest("pk")


def verify_fails(*arguments: str) -> list[str]:
    """The lines of `kansli audit verify`'s refusal, one per kind of finding."""
    with pytest.raises(CommandError) as error:
        call_command("audit", "verify", *arguments)
    return str(error.value).splitlines()


def anchor(path: Path) -> None:
    """Append the chain's head to the anchor file, as the operator's daily cron does."""
    with path.open("a") as file:
        call_command("audit", "anchor", stdout=file)


def rehash_from(seq: int, hash_function: HashFunction) -> None:
    """Recompute every hash from `seq` on, and the head, as someone without the key would."""
    prev_hash = Event.objects.get(seq=seq - 1).hash if seq > 1 else GENESIS
    for event in Event.objects.filter(seq__gte=seq).order_by("seq"):
        event.prev_hash = prev_hash
        prev_hash = hash_function(prev_hash, event_payload(event))
        tamper(
            "UPDATE audit_event SET prev_hash = %s, hash = %s WHERE seq = %s",
            event.prev_hash,
            prev_hash,
            event.seq,
        )
        last = event.seq
    tamper("UPDATE audit_chainhead SET seq = %s, hash = %s", last, prev_hash)

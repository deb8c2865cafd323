"""`kansli audit verify` on an intact chain and after each kind of tampering with raw SQL."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from kansli.audit.models import Event


def tamper(sql: str, *params: object) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def verify() -> str:
    with pytest.raises(CommandError) as error:
        call_command("audit", "verify")
    return str(error.value)


def test_intact_chain_passes(events: list[Event], capsys: pytest.CaptureFixture[str]) -> None:
    call_command("audit", "verify")

    assert f"{len(events)} händelser kontrollerade" in capsys.readouterr().out


def test_altered_after_is_named(events: list[Event]) -> None:
    seat = events[3]
    after = {**seat.after, "role": "member"}
    tamper("UPDATE audit_event SET after = %s WHERE seq = %s", json.dumps(after), seat.seq)

    assert verify() == (
        f"Händelseloggen är bruten vid händelse {seat.seq}: "
        "innehållet har ändrats efter att händelsen skrevs."
    )


def test_altered_actor_name_is_named(events: list[Event]) -> None:
    tamper("UPDATE audit_event SET actor_name = %s WHERE seq = %s", "någon annan", 2)

    assert verify().startswith("Händelseloggen är bruten vid händelse 2: innehållet har ändrats")


def test_event_deleted_in_the_middle_is_named(events: list[Event]) -> None:
    tamper("DELETE FROM audit_event WHERE seq = %s", 3)

    assert verify() == "Händelseloggen är bruten vid händelse 3: händelsen saknas (raderad)."


def test_last_event_deleted_is_named(events: list[Event]) -> None:
    last = events[-1].seq
    tamper("DELETE FROM audit_event WHERE seq = %s", last)

    assert verify() == (
        f"Händelseloggen är bruten vid händelse {last}: "
        "händelsen saknas i slutet av kedjan (raderad)."
    )


def test_event_rewritten_with_a_fresh_hash_breaks_the_next_link(events: list[Event]) -> None:
    tamper("UPDATE audit_event SET hash = %s WHERE seq = %s", "f" * 64, 2)

    assert verify().startswith("Händelseloggen är bruten vid händelse 2:")


def test_deleted_chain_head_is_noticed(events: list[Event]) -> None:
    tamper("DELETE FROM audit_chainhead")

    assert verify() == (
        "Händelseloggen är bruten vid händelse 1: händelsen ligger efter kedjans registrerade slut."
    )

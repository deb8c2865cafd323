"""`kansli audit verify` on an intact chain and after each kind of tampering with the log: raw SQL
edits, hashes recomputed after an edit, events deleted at the end with the head moved back, and
the whole log emptied. Each refusal names the first bad event in Swedish."""

import json
from functools import partial
from pathlib import Path

import pytest
from django.core.management import call_command

from kansli.audit.chain import HashFunction, event_hash, unkeyed_event_hash
from kansli.audit.models import Event
from kansli.audit.tests.tampering import anchor, rehash_from, tamper, verify_fails
from kansli.organisation import services as organisation
from kansli.organisation.models import Organization

ALTERED = "innehållet har ändrats efter att händelsen skrevs"


def cut_back_to(seq: int) -> None:
    """Delete the events after `seq` and move the chain's head back to it."""
    kept = Event.objects.get(seq=seq)
    tamper("DELETE FROM audit_event WHERE seq > %s", seq)
    tamper("UPDATE audit_chainhead SET seq = %s, hash = %s", kept.seq, kept.hash)


def test_intact_chain_passes(events: list[Event], capsys: pytest.CaptureFixture[str]) -> None:
    call_command("audit", "verify")

    assert f"{len(events)} händelser kontrollerade" in capsys.readouterr().out


def test_altered_after_is_named(events: list[Event]) -> None:
    seat = events[3]
    after = {**seat.after, "role": "member"}
    tamper("UPDATE audit_event SET after = %s WHERE seq = %s", json.dumps(after), seat.seq)

    assert verify_fails()[0] == f"Händelseloggen är bruten vid händelse {seat.seq}: {ALTERED}."


def test_altered_actor_name_is_named(events: list[Event]) -> None:
    tamper("UPDATE audit_event SET actor_name = %s WHERE seq = %s", "någon annan", 2)

    assert verify_fails()[0] == f"Händelseloggen är bruten vid händelse 2: {ALTERED}."


@pytest.mark.parametrize(
    "hash_function",
    [unkeyed_event_hash, partial(event_hash, "a-guessed-key-that-is-not-the-audit-key")],
    ids=["plain-sha256", "wrong-key"],
)
def test_an_edit_with_the_chain_rehashed_without_the_key_is_named(
    events: list[Event], hash_function: HashFunction
) -> None:
    seat = events[3]
    tamper(
        "UPDATE audit_event SET after = %s WHERE seq = %s",
        json.dumps({**seat.after, "role": "member"}),
        seat.seq,
    )
    rehash_from(seat.seq, hash_function)

    assert verify_fails()[0] == f"Händelseloggen är bruten vid händelse {seat.seq}: {ALTERED}."


def test_event_deleted_in_the_middle_is_named(events: list[Event]) -> None:
    tamper("DELETE FROM audit_event WHERE seq = %s", 3)

    assert (
        verify_fails()[0] == "Händelseloggen är bruten vid händelse 3: händelsen saknas (raderad)."
    )


def test_last_event_deleted_is_named(events: list[Event]) -> None:
    last = events[-1].seq
    tamper("DELETE FROM audit_event WHERE seq = %s", last)

    assert verify_fails()[0] == (
        f"Händelseloggen är bruten vid händelse {last}: "
        "händelsen saknas i slutet av kedjan (raderad)."
    )


def test_last_event_deleted_and_the_head_moved_back_is_named(
    events: list[Event], tmp_path: Path
) -> None:
    anchors = tmp_path / "anchors"
    anchor(anchors)
    seat_end = events[-1]
    cut_back_to(seat_end.seq - 1)

    assert verify_fails("--anchors", str(anchors)) == [
        f"Händelseloggen stämmer inte med förankringen vid händelse {seat_end.seq}: "
        "den förankrade händelsen saknas.",
        f"Raden organisation.membership {seat_end.object_id} stämmer inte med händelseloggen: "
        f"fältet end är inte vad den senaste händelsen beskriver (händelse {seat_end.seq - 1}).",
    ]


def test_last_events_deleted_and_the_head_moved_back_name_the_first_of_them(
    board: Organization, tmp_path: Path
) -> None:
    anchors = tmp_path / "anchors"
    people = []
    for name in ["Anna", "Bertil", "Cecilia", "David"]:
        people.append(
            organisation.person_create(
                actor=None, body=board.body, given_name=name, family_name="Ek"
            )
        )
        anchor(anchors)
    first_cut = Event.objects.get(object_type="organisation.person", object_id=people[1].pk)
    cut_back_to(first_cut.seq - 1)

    assert verify_fails("--anchors", str(anchors)) == [
        f"Händelseloggen stämmer inte med förankringen vid händelse {first_cut.seq}: "
        "den förankrade händelsen saknas.",
        f"Raden organisation.person {people[1].pk} stämmer inte med händelseloggen: "
        "ingen händelse beskriver raden (infogad utanför loggen).",
    ]


def test_the_whole_log_emptied_is_named(events: list[Event], tmp_path: Path) -> None:
    anchors = tmp_path / "anchors"
    anchor(anchors)
    tamper("DELETE FROM audit_event")
    tamper("DELETE FROM audit_chainhead")

    assert verify_fails("--anchors", str(anchors)) == [
        f"Händelseloggen stämmer inte med förankringen vid händelse {events[-1].seq}: "
        "den förankrade händelsen saknas.",
        f"Raden organisation.body {events[0].object_id} stämmer inte med händelseloggen: "
        "ingen händelse beskriver raden (infogad utanför loggen).",
    ]


def test_an_anchored_hash_that_differs_is_named(events: list[Event], tmp_path: Path) -> None:
    anchors = tmp_path / "anchors"
    anchors.write_text(f"2026-12-01T00:00:00+0100 seq=2 hash={'e' * 64} keyed=hmac-sha256\n")

    assert verify_fails("--anchors", str(anchors)) == [
        "Händelseloggen stämmer inte med förankringen vid händelse 2: "
        "kontrollsumman är inte den förankrade."
    ]


def test_event_rewritten_with_a_fresh_hash_breaks_the_next_link(events: list[Event]) -> None:
    tamper("UPDATE audit_event SET hash = %s WHERE seq = %s", "f" * 64, 2)

    assert verify_fails()[0].startswith("Händelseloggen är bruten vid händelse 2:")


def test_deleted_chain_head_is_noticed(events: list[Event]) -> None:
    tamper("DELETE FROM audit_chainhead")

    assert verify_fails() == [
        "Händelseloggen är bruten vid händelse 1: händelsen ligger efter kedjans registrerade slut."
    ]

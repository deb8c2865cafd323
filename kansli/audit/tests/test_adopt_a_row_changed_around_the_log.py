"""`kansli audit adopt`: once an operator has looked into a row changed around the log, the row
is taken into the chain as it stands, and verify passes again; until then it fails at each run."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from kansli.audit.models import Event, RowChange
from kansli.audit.tests.tampering import person_copied_by_sql, tamper, verify_fails
from kansli.organisation.models import Membership
from kansli.registry.models import Document


def adopt(object_type: str, object_id: object) -> str:
    out = StringIO()
    call_command("audit", "adopt", object_type, str(object_id), stdout=out)
    return out.getvalue()


def verifies_clean() -> bool:
    call_command("audit", "verify", stdout=StringIO())
    return True


def test_an_adopted_change_is_an_event_and_verify_passes(secret_letter: Document) -> None:
    Document.objects.filter(pk=secret_letter.pk).update(description="Rättad av databasen")
    assert len(verify_fails()) == 1

    said = adopt("registry.document", secret_letter.pk)

    event = Event.objects.latest("seq")
    assert said == (
        f"Raden registry.document {secret_letter.pk} är intagen i händelseloggen som "
        f"händelse {event.seq}.\n"
    )
    assert event.action == "document.adopt"
    assert event.before["description"] != "Rättad av databasen"
    assert event.after["description"] == "Rättad av databasen"
    assert verifies_clean()


def test_a_row_inserted_around_the_log_can_be_adopted(events: list[Event]) -> None:
    inserted = person_copied_by_sql()

    adopt("organisation.person", inserted.pk)

    assert Event.objects.latest("seq").before is None
    assert verifies_clean()


def test_a_row_deleted_around_the_log_can_be_adopted(events: list[Event]) -> None:
    seat = Membership.objects.get()
    tamper("DELETE FROM organisation_membership WHERE id = %s", seat.pk)

    adopt("organisation.membership", seat.pk)

    event = Event.objects.latest("seq")
    assert (event.object_id, event.after) == (str(seat.pk), None)
    assert verifies_clean()


def test_a_row_that_matches_the_log_is_not_adopted(secret_letter: Document) -> None:
    seq = Event.objects.latest("seq").seq

    with pytest.raises(CommandError, match="stämmer redan med händelseloggen"):
        adopt("registry.document", secret_letter.pk)

    assert Event.objects.latest("seq").seq == seq


def test_a_table_the_log_does_not_answer_for_is_refused(events: list[Event]) -> None:
    with pytest.raises(CommandError, match="ingen tabell som händelseloggen svarar för"):
        adopt("audit.event", 1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's triggers")
@pytest.mark.django_db(transaction=True)
def test_adopting_clears_what_the_triggers_saw_of_the_row(secret_letter: Document) -> None:
    tamper("UPDATE registry_document SET description = 'Rättad av databasen'")
    assert RowChange.objects.filter(object_id=str(secret_letter.pk)).exists()

    adopt("registry.document", secret_letter.pk)

    assert not RowChange.objects.exists()
    assert verifies_clean()

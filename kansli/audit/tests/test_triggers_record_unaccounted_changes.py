"""On PostgreSQL, the audited tables' triggers record at commit every change no event of the same
transaction accounts for, and `kansli audit verify` names the first. The tests commit for real
(transaction=True): the triggers are deferred to commit."""

import pytest
from django.core.management import call_command
from django.db import connection

from kansli.accounts.models import User
from kansli.audit.models import Event, RowChange
from kansli.audit.tables import audited_models
from kansli.audit.tests.tampering import person_copied_by_sql, tamper, verify_fails
from kansli.organisation.models import Membership
from kansli.registry.models import Document

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's triggers"),
    pytest.mark.django_db(transaction=True),
]


def test_every_audited_table_has_its_trigger() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = 'audit_unaccounted'"
        )
        tables = {row[0] for row in cursor.fetchall()}

    assert tables == {model._meta.db_table for model in audited_models()}


def test_writes_through_the_services_leave_no_unaccounted_change(
    secret_letter: Document, events: list[Event], capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("audit", "verify")

    assert not RowChange.objects.exists()
    assert all(event.txid for event in Event.objects.all())
    assert "Händelseloggen är obruten" in capsys.readouterr().out


def test_secrecy_removed_by_sql_is_recorded_and_named(secret_letter: Document) -> None:
    tamper(
        "UPDATE registry_document SET secrecy_reference = '', counterpart_masked = false, "
        "description_masked = false"
    )

    change = RowChange.objects.get()
    assert (
        change.operation,
        change.before["secrecy_reference"],
        change.after["secrecy_reference"],
    ) == (
        "UPDATE",
        "OSL 23 kap. 1 §",
        "",
    )
    assert verify_fails()[0] == (
        f"Raden registry.document {secret_letter.pk} stämmer inte med händelseloggen: "
        "fältet secrecy_reference ändrades utan händelse."
    )


def test_a_queryset_update_is_recorded_and_named(secret_letter: Document) -> None:
    Document.objects.filter(pk=secret_letter.pk).update(description="Inget att se här")

    assert verify_fails()[0] == (
        f"Raden registry.document {secret_letter.pk} stämmer inte med händelseloggen: "
        "fältet description ändrades utan händelse."
    )


def test_a_row_inserted_by_sql_is_recorded_and_named(events: list[Event]) -> None:
    inserted = person_copied_by_sql()

    assert verify_fails()[0] == (
        f"Raden organisation.person {inserted.pk} stämmer inte med händelseloggen: "
        "infogades utan händelse."
    )


def test_a_row_deleted_by_sql_is_recorded_and_named(events: list[Event]) -> None:
    seat = Membership.objects.get()
    tamper("DELETE FROM organisation_membership WHERE id = %s", seat.pk)

    assert verify_fails()[0] == (
        f"Raden organisation.membership {seat.pk} stämmer inte med händelseloggen: "
        "raderades utan händelse."
    )


def test_a_sign_in_stamp_is_no_unaccounted_change(make_user: object) -> None:
    user = make_user("sara")
    User.objects.filter(pk=user.pk).update(last_login="2026-12-01T09:00:00Z")

    assert not RowChange.objects.exists()

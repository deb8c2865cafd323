"""`kansli audit verify` compares each row of an audited table with the state its last event
describes, on every database, and names the first row changed, inserted or deleted around the
audited services (SQL, `QuerySet.update()`)."""

from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command

from kansli.accounts.models import User
from kansli.accounts.signins import record_operator_sign_in
from kansli.audit import services as audit
from kansli.audit.models import Event, RowChange
from kansli.audit.tests.tampering import person_copied_by_sql, tamper, verify_fails
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership
from kansli.registry import services as registry
from kansli.registry.models import Case, Document


def last_event(row: object) -> Event:
    return Event.objects.filter(object_type=row._meta.label_lower, object_id=str(row.pk)).latest(
        "seq"
    )


def test_a_registered_secret_letter_with_its_file_verifies_clean(
    secret_letter: Document, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file's extracted text and the case's document counter are written beside their
    events, and are left out of the comparison for the reasons in kansli.audit.tables."""
    call_command("audit", "verify")

    assert "Händelseloggen är obruten" in capsys.readouterr().out


def test_secrecy_removed_by_sql_is_named(secret_letter: Document) -> None:
    event = last_event(secret_letter)
    tamper(
        "UPDATE registry_document SET secrecy_reference = '', counterpart_masked = %s, "
        "description_masked = %s",
        False,
        False,
    )

    assert verify_fails() == [
        f"Raden registry.document {secret_letter.pk} stämmer inte med händelseloggen: "
        f"fältet secrecy_reference är inte vad den senaste händelsen beskriver "
        f"(händelse {event.seq})."
    ]


def test_a_row_changed_by_queryset_update_is_named(secret_letter: Document) -> None:
    event = last_event(secret_letter)
    Document.objects.filter(pk=secret_letter.pk).update(description="Inget att se här")

    assert verify_fails() == [
        f"Raden registry.document {secret_letter.pk} stämmer inte med händelseloggen: "
        f"fältet description är inte vad den senaste händelsen beskriver (händelse {event.seq})."
    ]


def test_a_row_inserted_by_sql_is_named(events: list[Event]) -> None:
    inserted = person_copied_by_sql()

    assert verify_fails() == [
        f"Raden organisation.person {inserted.pk} stämmer inte med händelseloggen: "
        "ingen händelse beskriver raden (infogad utanför loggen)."
    ]


def test_a_row_deleted_by_sql_is_named(events: list[Event]) -> None:
    seat = Membership.objects.get()
    event = last_event(seat)
    tamper("DELETE FROM organisation_membership WHERE id = %s", seat.pk)

    assert verify_fails() == [
        f"Raden organisation.membership {seat.pk} stämmer inte med händelseloggen: "
        f"raden saknas men ingen händelse raderade den (händelse {event.seq})."
    ]


def test_a_deleted_row_put_back_around_the_services_is_named(events: list[Event]) -> None:
    seat = Membership.objects.get()
    seat_id = seat.pk
    audit.delete(actor=None, instance=seat)
    deleted = last_event(Membership(pk=seat_id))
    seat.pk = seat_id
    Membership.objects.bulk_create([seat])

    assert verify_fails() == [
        f"Raden organisation.membership {seat_id} stämmer inte med händelseloggen: "
        f"raden finns men en händelse raderade den (händelse {deleted.seq})."
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_the_demo_loaded_and_written_through_the_services_verifies_clean(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Committed for real, so that on PostgreSQL the triggers see every write of the load."""
    call_command("loaddemo", stdout=StringIO())
    case = Case.objects.filter(status=Case.Status.OPEN).order_by("pk").first()
    registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=case.opened_on,
        counterpart="Lantmäteriet",
        description="Skrivelse efter demons laddning",
    )
    seat = Membership.objects.order_by("pk").first()
    organisation.membership_end(actor=None, membership=seat, end=seat.start)

    call_command("audit", "verify")

    assert not RowChange.objects.exists()
    assert "Händelseloggen är obruten" in capsys.readouterr().out


def test_an_operator_inserted_by_sql_is_named_though_it_signed_in(
    make_user: Callable[..., User],
) -> None:
    sara = make_user("sara")
    columns = [field.column for field in User._meta.concrete_fields if not field.primary_key]
    copied = ["'smyg'" if column == "username" else column for column in columns]
    tamper(
        f"INSERT INTO accounts_user ({', '.join(columns)}) "  # noqa: S608
        f"SELECT {', '.join(copied)} FROM accounts_user WHERE id = %s",
        sara.pk,
    )
    intruder = User.objects.get(username="smyg")
    tamper("UPDATE accounts_user SET is_superuser = %s WHERE id = %s", True, intruder.pk)
    intruder.refresh_from_db()
    record_operator_sign_in(sender=None, request=None, user=intruder)

    assert verify_fails() == [
        f"Raden accounts.user {intruder.pk} stämmer inte med händelseloggen: "
        "ingen händelse beskriver raden (infogad utanför loggen)."
    ]

"""Rows saved first and recorded later in the same transaction (`insert_many`, then
`record_created`), so that a service may lock the chain's head only for its last write: the
chain verifies, and a row never recorded is found."""

from django.db import transaction

from kansli.audit import services as audit
from kansli.audit.models import Event
from kansli.audit.selectors import chain_verify, rows_verify
from kansli.organisation.models import Body, Person


def people(body: Body, *names: str) -> list[Person]:
    return [Person(body=body, given_name=name, family_name="Andersson") for name in names]


def test_rows_inserted_then_recorded_get_an_event_each_and_verify(body: Body) -> None:
    last = Event.objects.latest("seq")

    with transaction.atomic():
        inserted = audit.insert_many(instances=people(body, "Anna", "Bo"))
        assert Event.objects.latest("seq") == last
        audit.record_created(actor=None, instances=inserted)

    events = list(Event.objects.filter(seq__gt=last.seq).order_by("seq"))
    assert [e.object_id for e in events] == [str(p.pk) for p in inserted]
    assert chain_verify().intact
    assert rows_verify() is None


def test_a_row_inserted_and_never_recorded_is_found(body: Body) -> None:
    with transaction.atomic():
        (anna,) = audit.insert_many(instances=people(body, "Anna"))

    found = rows_verify()

    assert found is not None
    assert found.object_type == "organisation.person"
    assert found.object_id == str(anna.pk)

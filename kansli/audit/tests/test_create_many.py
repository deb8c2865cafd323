"""Rows created together: one insert, one event each in the chain, in order, and a refused row
named by its place with the message of the rule it breaks."""

import pytest
from django.db import transaction

from kansli.audit import services as audit
from kansli.audit.models import Event
from kansli.audit.selectors import chain_verify
from kansli.organisation.models import Body, Person
from kansli.registry.models import RetentionRule


def people(body: Body, *names: str) -> list[Person]:
    return [Person(body=body, given_name=name, family_name="Andersson") for name in names]


def test_rows_created_together_get_an_event_each_in_order(body: Body) -> None:
    last = Event.objects.latest("seq")

    created = audit.create_many(actor=None, instances=people(body, "Anna", "Bo", "Cecilia"))

    events = list(Event.objects.filter(seq__gt=last.seq).order_by("seq"))
    assert [e.object_id for e in events] == [str(p.pk) for p in created]
    assert [e.action for e in events] == ["person.create"] * 3
    assert [e.after["given_name"] for e in events] == ["Anna", "Bo", "Cecilia"]
    assert [e.prev_hash for e in events] == [last.hash, events[0].hash, events[1].hash]
    assert chain_verify().intact


def test_a_field_a_row_may_not_hold_refuses_them_all_naming_the_row(body: Body) -> None:
    with pytest.raises(audit.RowError) as refused, transaction.atomic():
        audit.create_many(actor=None, instances=people(body, "Anna", "B" * 500))

    assert refused.value.index == 1
    assert not Person.objects.exists()


@pytest.mark.parametrize("together", [0, 2])
def test_a_rule_the_database_keeps_is_refused_with_its_message(body: Body, together: int) -> None:
    fine = [RetentionRule(body=body, name=f"Regel {n}", action="preserve") for n in range(together)]
    bad = RetentionRule(
        body=body, name="Bevaras i fem år", action="preserve", dispose_after_years=5
    )

    with pytest.raises(audit.RowError) as refused, transaction.atomic():
        audit.create_many(actor=None, instances=[*fine, bad])

    assert refused.value.index == together
    assert refused.value.messages == [
        "Ange antal år för gallring, och inga år för handlingar som bevaras."
    ]
    assert not RetentionRule.objects.exists()
    assert not Event.objects.filter(action="retentionrule.create").exists()

"""The demo loads both seed instructions as orders, once."""

from io import StringIO

from django.core.management import call_command

from kansli.delegation.models import DecisionType, DelegationOrder, DelegationRule, Duty
from kansli.organisation.models import Position

MODELS = (DelegationOrder, DecisionType, DelegationRule, Duty)


def counts() -> list[int]:
    return [model.objects.count() for model in MODELS]


def test_loading_the_demo_twice_imports_each_seed_once(db):
    call_command("loaddemo", stdout=StringIO())
    first = counts()

    call_command("loaddemo", stdout=StringIO())

    assert counts() == first
    assert sorted(DelegationOrder.objects.values_list("body__slug", "document")) == [
        ("blekinge", "Instruktion till landstingsdirektör"),
        ("vanersborg", "Kommundirektörsinstruktion"),
    ]
    assert Position.objects.get(body__slug="vanersborg", slug="kommundirektor").heads_organization

"""The database holds an order without loss: the seeds read back from their rows equal their
files, export then import gives the same order, and so does any order hypothesis can think of
through the rows that store it."""

import json

import pytest
from hypothesis import given, settings

from kansli.audit import services as audit
from kansli.delegation import mapping, orderfile
from kansli.delegation.models import DelegationOrder
from kansli.delegation.selectors import engine_order, order_text
from kansli.delegation.services import order_import
from kansli.delegation.tests.test_orderfile_roundtrip import orders
from kansli.organisation.models import Body, Organization

SEEDS = {
    "vanersborg": "vanersborg-kommundirektorsinstruktion.yaml",
    "blekinge": "blekinge-instruktion-landstingsdirektor.yaml",
}


@pytest.mark.parametrize("slug", SEEDS)
def test_a_seed_read_back_from_the_database_equals_its_file(demo, slug):
    saved = DelegationOrder.objects.get(body=demo[slug])

    assert engine_order(saved) == orderfile.load(orderfile.DATA_DIR / SEEDS[slug])


@pytest.mark.parametrize("slug", SEEDS)
def test_a_seed_exported_and_imported_again_is_the_same_order(demo, slug):
    saved = DelegationOrder.objects.get(body=demo[slug])
    exported = order_text(order=saved)
    audit.delete(actor=None, instance=saved)

    again = order_import(actor=None, body=demo[slug], text=exported, source_name="export.yaml")

    assert engine_order(again) == orderfile.load(orderfile.DATA_DIR / SEEDS[slug])
    assert order_text(order=again) == exported


def stored(order):
    """The order through the rows that store it, their JSON as the database returns it."""
    saved = DelegationOrder(
        body=Body(slug=order.body),
        organization=Organization(slug=order.organization),
        **mapping.order_fields(order),
    )
    rows = {
        "decision_types": mapping.decision_type_rows(order, saved),
        "rules": mapping.rule_rows(order, saved),
        "duties": mapping.duty_rows(order, saved),
    }
    for row in [saved, *rows["rules"], *rows["duties"]]:
        for field in row._meta.concrete_fields:
            if field.get_internal_type() == "JSONField":
                setattr(row, field.attname, json.loads(json.dumps(getattr(row, field.attname))))
    return mapping.to_engine(saved, **rows)


# Thirty generated orders, each with many rules, duties and sub-delegations, a third of
# hypothesis's default (which cost the suite half a minute a run); the seeds' real orders
# make the round trip in their own tests.
@settings(deadline=None, max_examples=30)
@given(orders())
def test_any_order_survives_its_rows(order):
    assert stored(order) == order

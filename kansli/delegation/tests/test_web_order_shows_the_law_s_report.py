"""A rule for matters too urgent to wait for the committee, given to its chair, has its
decisions reported at the committee's next meeting whether or not the order says so (KL 6 kap.
39 §). The order's page and "Vem får besluta?" list that report as the engine applies it,
marked as following from the law, for a named chair and for "ordföranden i respektive nämnd"."""

import pytest
from django.test import Client

from kansli.accounts.models import User
from kansli.delegation.models import DelegationOrder
from kansli.delegation.services import order_import
from kansli.organisation.models import Body

URGENT_ORDER = """\
format: 2
order:
  id: ks-bradskande-2020
  body: vanersborg
  organization: ks
  document: Delegationsordning för kommunstyrelsen
  version: "1"
  valid_from: 2020-01-01
parties:
  ks-ordforande: {kind: chair, name: kommunstyrelsens ordförande}
  berord-ordforande: {kind: chair, name: ordföranden i respektive nämnd}
decision_types:
  bradskande-arende: {name: Beslut i brådskande ärende}
rules:
  - id: ks-1
    number: "1"
    decision_type: bradskande-arende
    matter: Besluta i ärenden så brådskande att styrelsens beslut inte kan avvaktas
    delegate: ks-ordforande
    limits:
      conditions:
        - {code: bradskande, text: ärendet är så brådskande att styrelsens beslut inte kan avvaktas}
    source: {section: "1"}
  - id: ks-2
    number: "2"
    decision_type: bradskande-arende
    matter: Besluta i ärenden så brådskande att nämndens beslut inte kan avvaktas
    delegate: berord-ordforande
    limits:
      conditions:
        - {code: bradskande, text: ärendet är så brådskande att nämndens beslut inte kan avvaktas}
    source: {section: "2"}
"""
BY_LAW = '<span class="muted">(följer av kommunallagen 6 kap. 39 §)</span>'


@pytest.fixture
def urgent_order(demo: dict[str, Body]) -> DelegationOrder:
    return order_import(
        actor=None, body=demo["vanersborg"], text=URGENT_ORDER, source_name="ks.yaml"
    )


@pytest.fixture
def visitor(demo: dict[str, Body]) -> Client:
    client = Client()
    client.force_login(User.objects.get(username="sekreterare"))
    return client


def test_the_order_lists_the_report_at_the_next_meeting_the_law_adds(visitor, urgent_order):
    page = visitor.get(f"/vanersborg/delegation/ordning/{urgent_order.pk}/").content.decode()

    assert f"Anmälan vid nästa sammanträde med kommunstyrelsen {BY_LAW}" in page
    assert f"Anmälan vid nästa sammanträde med berörd nämnd {BY_LAW}" in page


def test_who_decides_lists_it_too(visitor, urgent_order):
    page = visitor.get(
        "/vanersborg/delegation/vem-far-besluta/", {"beslutstyp": "bradskande-arende"}
    ).content.decode()

    assert "2 regler gäller den" in page
    assert f"Anmälan vid nästa sammanträde med kommunstyrelsen {BY_LAW}" in page


def test_a_rule_that_is_not_urgent_shows_only_what_the_order_says(visitor, demo):
    instruction = DelegationOrder.objects.get(body__slug="vanersborg")

    page = visitor.get(f"/vanersborg/delegation/ordning/{instruction.pk}/").content.decode()

    assert "Anmälan till kommunstyrelsen" in page
    assert "följer av" not in page

"""A small delegation order of the board (conftest's `ks`), and a draft of its next version,
for the tests of adopting a draft at a meeting."""

import datetime

from kansli.delegation.models import DelegationOrder, OrderDraft
from kansli.delegation.services import order_draft_create, order_import
from kansli.organisation.models import Body

ORDER = """\
format: 2
order:
  id: ks-delegationsordning-1.0
  body: vanersborg
  organization: ks
  document: Delegationsordning för kommunstyrelsen
  version: "1.0"
  adopted_on: 2020-01-15
  minute: § 3
  valid_from: 2020-02-01
parties:
  kommundirektor: {kind: position, name: kommundirektören}
  ks: {kind: organization, name: kommunstyrelsen}
decision_types:
  attestanter: {name: Utse attestanter}
rules:
  - id: ks-3.1
    number: "3.1"
    decision_type: attestanter
    matter: Utse attestanter inom kommunstyrelseförvaltningen
    delegate: kommundirektor
    requirements:
      - {kind: report, when: after, party: ks}
    source: {section: "3"}
"""


def order_of(body: Body) -> DelegationOrder:
    return order_import(actor=None, body=body, text=ORDER, source_name="ks.yaml")


def draft_of(order: DelegationOrder, starts: datetime.date) -> OrderDraft:
    return order_draft_create(actor=None, order=order, version="2.0", valid_from=starts)

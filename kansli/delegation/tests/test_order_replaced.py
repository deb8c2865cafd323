"""A newer version of an order replaces the one in force: the old one ends the day before,
and a question is answered by the version in force on its date."""

import datetime

from kansli.delegation.models import DelegationOrder
from kansli.delegation.selectors import authority_check, order_text
from kansli.delegation.services import order_import
from kansli.organisation.models import Organization, Position

REVISED_ON = datetime.date(2027, 1, 1)


def revised_instruction(body) -> str:
    """Vänersborg's instruction as revised in 2027: organisational changes in other
    departments no longer need PFU's approval."""
    text = order_text(order=DelegationOrder.objects.get(body=body))
    text = text.replace(
        "id: vanersborg-kommundirektorsinstruktion-1.0",
        "id: vanersborg-kommundirektorsinstruktion-2.0",
    )
    text = text.replace("version: '1.0'", "version: '2.0'").replace(
        "valid_from: 2019-01-30", f"valid_from: {REVISED_ON}"
    )
    before = text.count("party: pfu")
    text = text.replace("  - kind: approval\n    when: before\n    party: pfu\n", "", 1)
    assert text.count("party: pfu") == before - 1
    return text


def organisational_change(body, on):
    return authority_check(
        body=body,
        decision_type="organisationsforandring",
        on=on,
        position=Position.objects.get(body=body, slug="kommundirektor"),
        concerning=Organization.objects.get(body=body, slug="socialforvaltningen"),
    )


def test_dates_before_and_after_the_new_version_get_each_version_s_answer(demo):
    vanersborg = demo["vanersborg"]
    assert organisational_change(vanersborg, REVISED_ON).outcome == "requirements_pending"

    new = order_import(
        actor=None, body=vanersborg, text=revised_instruction(vanersborg), source_name="2.0.yaml"
    )

    old = DelegationOrder.objects.get(key="vanersborg-kommundirektorsinstruktion-1.0")
    assert old.valid_to == REVISED_ON - datetime.timedelta(days=1)
    assert new.valid_to is None
    assert organisational_change(vanersborg, REVISED_ON - datetime.timedelta(days=1)).outcome == (
        "requirements_pending"
    )
    assert organisational_change(vanersborg, REVISED_ON).outcome == "allowed"

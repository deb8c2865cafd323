"""A new version of the delegation order drafted in Kansli: copied from the version in force,
edited rule by rule or uploaded as a file, and brought into force only by the adopting
organization's decision; checks dated before its first day answer by the old version, from it
by the new one."""

import dataclasses
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kansli.accounts.models import User
from kansli.delegation.models import DelegationOrder, OrderDraft
from kansli.delegation.selectors import authority_check, draft_order, order_text
from kansli.delegation.services import (
    order_draft_adopt,
    order_draft_create,
    order_draft_rule_remove,
    order_draft_rule_save,
    order_draft_set,
    order_draft_upload,
)
from kansli.organisation.models import Organization, Position


@pytest.fixture
def instruction(demo) -> DelegationOrder:
    return DelegationOrder.objects.get(body=demo["vanersborg"])


@pytest.fixture
def starts() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=30)


@pytest.fixture
def draft(instruction, starts) -> OrderDraft:
    secretary = User.objects.get(username="sekreterare")
    return order_draft_create(actor=secretary, order=instruction, version="2.0", valid_from=starts)


def _rule(draft, rule_id):
    return next(rule for rule in draft_order(draft=draft).rules if rule.id == rule_id)


def _appoint_certifiers(body, on):
    return authority_check(
        body=body,
        decision_type="utse-attestansvariga",
        on=on,
        position=Position.objects.get(body=body, slug="kommundirektor"),
        concerning=Organization.objects.get(body=body, slug="kommunstyrelseforvaltningen"),
    )


def test_a_draft_is_a_copy_of_the_version_in_force_with_its_new_version_and_day(
    draft, instruction, starts
):
    order = draft_order(draft=draft)

    assert draft.based_on == instruction
    assert (order.id, order.version, order.valid_from) == (
        "vanersborg-kommundirektorsinstruktion-2.0",
        "2.0",
        starts,
    )
    assert (order.adopted_on, order.minute) == (None, "")
    assert len(order.rules) == instruction.rules.count()
    assert draft.is_draft and draft.order is None


def test_a_rule_is_changed_added_and_removed_in_the_draft_only(draft, instruction):
    rule = _rule(draft, "kdi-5.1.1-b")
    council = next(p for p in draft_order(draft=draft).parties if p.key == "ks")
    draft = order_draft_rule_save(
        actor=None, draft=draft, rule=dataclasses.replace(rule, delegate=council), replacing=rule.id
    )
    draft = order_draft_rule_save(
        actor=None,
        draft=draft,
        rule=dataclasses.replace(rule, id="", number="5.1.1 d", matter="Ny punkt"),
    )
    draft = order_draft_rule_remove(actor=None, draft=draft, rule="kdi-5.1.1-c")

    rules = [r.id for r in draft_order(draft=draft).rules]
    assert _rule(draft, "kdi-5.1.1-b").delegate.key == "ks"
    assert "kdi-5.1.1-c" not in rules
    assert rules[rules.index("kdi-5.1.1-b") + 1] == "5-1-1-d-utse-attestansvariga"
    assert instruction.rules.filter(key="kdi-5.1.1-c").exists()


def test_a_rule_naming_an_unknown_decision_type_is_refused_by_its_line(draft):
    rule = dataclasses.replace(_rule(draft, "kdi-5.1.1-b"), decision_type="finns-inte")

    with pytest.raises(ValidationError) as refused:
        order_draft_rule_save(actor=None, draft=draft, rule=rule, replacing=rule.id)

    assert any("finns-inte" in message and ":" in message for message in refused.value.messages)


def test_an_uploaded_file_replaces_the_draft_and_its_problems_name_their_lines(draft):
    text = order_text(order=draft.based_on).replace(
        "valid_from: 2019-01-30", "valid_from: 2019-13-01"
    )

    with pytest.raises(ValidationError) as refused:
        order_draft_upload(
            actor=None, body=draft.body, text=text, source_name="ny.yaml", draft=draft
        )

    assert any(message.startswith("ny.yaml:") for message in refused.value.messages)


def test_the_adopted_draft_answers_checks_from_its_day_and_the_old_version_before(
    draft, instruction, starts
):
    body = draft.body
    rule = _rule(draft, "kdi-5.1.1-b")
    draft = order_draft_rule_save(
        actor=None,
        draft=draft,
        rule=dataclasses.replace(rule, requirements=()),
        replacing=rule.id,
    )
    before = _appoint_certifiers(body, starts - datetime.timedelta(days=1))
    assert before.outcome == "allowed" and before.reporting

    adopted = order_draft_adopt(
        actor=None,
        draft=draft,
        organization=instruction.organization,
        adopted_on=timezone.localdate(),
        minute="KS § 5",
    )

    instruction.refresh_from_db()
    draft.refresh_from_db()
    assert instruction.valid_to == starts - datetime.timedelta(days=1)
    assert (adopted.valid_from, adopted.adopted_on, adopted.minute) == (
        starts,
        timezone.localdate(),
        "KS § 5",
    )
    assert draft.order == adopted and not draft.is_draft
    assert _appoint_certifiers(body, starts - datetime.timedelta(days=1)).reporting
    assert not _appoint_certifiers(body, starts).reporting


def test_only_the_adopting_organization_adopts_and_never_a_user(draft, instruction):
    other = Organization.objects.get(body=draft.body, slug="kf")
    with pytest.raises(ValidationError):
        order_draft_adopt(
            actor=None, draft=draft, organization=other, adopted_on=timezone.localdate(), minute=""
        )
    for username in ("sekreterare", "direktor", "admin"):
        with pytest.raises(PermissionDenied):
            order_draft_adopt(
                actor=User.objects.get(username=username),
                draft=draft,
                organization=instruction.organization,
                adopted_on=timezone.localdate(),
                minute="",
            )


def test_an_adopted_draft_is_no_longer_changed(draft, instruction, starts):
    order_draft_adopt(
        actor=None,
        draft=draft,
        organization=instruction.organization,
        adopted_on=timezone.localdate(),
        minute="",
    )

    with pytest.raises(ValidationError):
        order_draft_set(actor=None, draft=draft, version="3.0", valid_from=starts)

"""A draft of a new version of the board's delegation order comes into force through the
board's decision to adopt it, once the paragraph is approved: from its own first day, the
version before ending the day before, with the meeting's day and paragraph as its adoption.
A rejected draft stays a draft; a draft goes only before the organization that adopts it."""

import dataclasses
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.accounts.models import User
from kansli.delegation.models import DelegationOrder, OrderDraft
from kansli.delegation.selectors import authority_check, draft_order
from kansli.delegation.services import order_draft_rule_save
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests import sitting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.order_draft import draft_of, order_of
from kansli.organisation.models import Organization, Position

STARTS = DAY + datetime.timedelta(days=31)


@pytest.fixture
def draft(ks: Board) -> OrderDraft:
    """Version 2.0 from 1 January 2027: the board is no longer told of the director's
    appointments of certifiers."""
    made = draft_of(order_of(ks.organization.body), STARTS)
    rule = draft_order(draft=made).rules[0]
    return order_draft_rule_save(
        actor=None, draft=made, rule=dataclasses.replace(rule, requirements=()), replacing=rule.id
    )


def _held(ks: Board, meeting: Meeting, draft: OrderDraft, clock, counter: str = "") -> AgendaItem:
    """Called with the draft on its agenda, held with the draft's item decided (for the
    prepared proposal, or for Bo Berg's `counter` proposal), closed and sent for justering."""
    clock(at(DAY - datetime.timedelta(days=7), 9))
    item = services.order_draft_to_agenda(actor=None, draft=draft, meeting=meeting)
    meeting = sitting.called(meeting)
    clock(at(DAY, 11))
    services.attendance_prefill(actor=None, meeting=meeting)
    services.meeting_open(actor=None, meeting=meeting)
    services.minutes_checkers_set(actor=None, meeting=meeting, persons=[ks.bo])
    for other in meeting.items.filter(case__isnull=False):
        services.item_decide(actor=None, item=other)
    proposal = None
    if counter:
        services.proposal_add(actor=None, item=item, text="Att anta utkastet.")
        proposal = services.proposal_add(actor=None, item=item, text=counter, proposer=ks.bo)
    services.item_decide(actor=None, item=item, proposal=proposal)
    clock(at(DAY, 15))
    services.meeting_close(actor=None, meeting=meeting)
    clock(at(DAY, 16))
    services.minutes_send_for_approval(actor=None, meeting=meeting)
    clock(at(DAY + datetime.timedelta(days=2), 9))
    return AgendaItem.objects.get(pk=item.pk)


def _approve(ks: Board, meeting: Meeting) -> None:
    for person in (ks.chair, ks.bo):
        services.minutes_approve(actor=None, meeting=meeting, person=person)


def _reported(ks: Board, on: datetime.date) -> bool:
    body = ks.organization.body
    verdict = authority_check(
        body=body,
        decision_type="attestanter",
        on=on,
        position=Position.objects.get(body=body, slug="kommundirektor"),
    )
    return bool(verdict.reporting)


def test_the_board_adopts_the_draft_and_it_answers_from_its_first_day(
    ks, meeting, draft, frozen_now
):
    item = _held(ks, meeting, draft, frozen_now)
    draft.refresh_from_db()
    assert draft.is_draft, "decided but not yet approved"

    _approve(ks, meeting)

    draft.refresh_from_db()
    old = DelegationOrder.objects.get(key="ks-delegationsordning-1.0")
    assert not draft.is_draft
    assert (draft.order.valid_from, draft.order.adopted_on, draft.order.minute) == (
        STARTS,
        DAY,
        f"KS {DAY:%Y-%m-%d} § {item.minute_number}",
    )
    assert old.valid_to == STARTS - datetime.timedelta(days=1)
    assert _reported(ks, STARTS - datetime.timedelta(days=1))
    assert not _reported(ks, STARTS)


def test_a_draft_the_board_rejects_stays_a_draft(ks, meeting, draft, frozen_now):
    _held(ks, meeting, draft, frozen_now, counter="Att avslå utkastet.")
    _approve(ks, meeting)

    draft.refresh_from_db()
    assert draft.is_draft
    assert _reported(ks, STARTS)


def test_a_draft_goes_only_before_the_organization_that_adopts_it(
    ks, meeting, draft, schedule, body
):
    council = Organization.objects.create(body=body, kind="council", slug="kf", name="KF")
    with pytest.raises(ValidationError):
        services.order_draft_to_agenda(
            actor=None, draft=draft, meeting=schedule(organization=council)
        )
    late = schedule(STARTS + datetime.timedelta(days=1))
    with pytest.raises(ValidationError):
        services.order_draft_to_agenda(actor=None, draft=draft, meeting=late)


def test_a_member_of_the_board_cannot_put_the_draft_on_the_agenda(ks, meeting, draft):
    member = User.objects.create(username="bo", person=ks.bo)

    with pytest.raises(PermissionDenied):
        services.order_draft_to_agenda(actor=member, draft=draft, meeting=meeting)

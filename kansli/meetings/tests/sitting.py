"""A meeting of the board (conftest's `ks` and `meeting`) taken through the services step by
step, for the tests of the meeting pages, the public side and the API: called with a public
and a secret case on its agenda, opened, approved."""

import datetime

import time_machine
from django.test import Client, TestCase
from django.urls import reverse

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting, Proposal
from kansli.meetings.tests.conftest import Board
from kansli.organisation.models import Person
from kansli.registry import services as registry

PUBLIC_TITLE = "Budget för kultur 2027"
SECRET_TITLE = "Placering av barnet Kim Karlsson"
NOTICE_AHEAD = datetime.timedelta(days=10)


def called(meeting: Meeting) -> Meeting:
    """The meeting with a public and a secret case on its agenda, its notice sent."""
    for title, secrecy in ((PUBLIC_TITLE, ""), (SECRET_TITLE, "OSL 26 kap. 1 §")):
        case = registry.case_open(
            actor=None, organization=meeting.organization, title=title, secrecy_reference=secrecy
        )
        services.item_add(
            actor=None, meeting=meeting, title=title, case=case, proposal="Att bifalla."
        )
    # Ten days ahead, within any organ's notice period, whatever the clock of the test says.
    # Each e-mail goes by its own task after the commit: run them, as the worker would.
    with (
        time_machine.travel(meeting.starts_at - NOTICE_AHEAD, tick=False),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        services.notice_send(actor=None, meeting=meeting)
    return Meeting.objects.get(pk=meeting.pk)


def case_item(meeting: Meeting, title: str = PUBLIC_TITLE) -> AgendaItem:
    return meeting.items.get(case__title=title)


def opened(ks: Board, meeting: Meeting) -> Meeting:
    """The called meeting in session: everyone present, Bo Berg the minutes checker."""
    meeting = called(meeting)
    services.attendance_prefill(actor=None, meeting=meeting)
    services.meeting_open(actor=None, meeting=meeting)
    services.minutes_checkers_set(actor=None, meeting=meeting, persons=[ks.bo])
    return Meeting.objects.get(pk=meeting.pk)


def approved(ks: Board, meeting: Meeting) -> Meeting:
    """The meeting held, both cases decided by acclamation, closed, its minutes sent for
    justering and signed on paper by the chair and the checker: posted on the notice board
    today. The clock must be past its start."""
    meeting = opened(ks, meeting)
    for item in meeting.items.filter(case__isnull=False):
        services.item_decide(actor=None, item=item)
    services.meeting_close(actor=None, meeting=meeting)
    services.minutes_send_for_approval(actor=None, meeting=meeting)
    for person in (ks.chair, ks.bo):
        services.minutes_approve(actor=None, meeting=meeting, person=person)
    return Meeting.objects.get(pk=meeting.pk)


def counter_proposal(item: AgendaItem, proposer: Person) -> tuple[Proposal, Proposal]:
    """The prepared proposal and a member's counter-proposal in the item."""
    prepared = services.proposal_add(actor=None, item=item, text=item.proposal)
    counter = services.proposal_add(actor=None, item=item, text="Att avslå.", proposer=proposer)
    return prepared, counter


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def action_url(meeting: Meeting, action: str) -> str:
    slug = meeting.organization.body.slug
    return reverse("meetings:meeting_action", args=[slug, meeting.pk, action])


def confirm_url(meeting: Meeting, action: str) -> str:
    """The page that asks before the action (the notice, the cancellation) is taken."""
    slug = meeting.organization.body.slug
    return reverse("meetings:meeting_confirm", args=[slug, meeting.pk, action])


def item_url(item: AgendaItem, action: str) -> str:
    slug = item.meeting.organization.body.slug
    return reverse("meetings:item_action", args=[slug, item.meeting_id, item.pk, action])


def page(name: str, meeting: Meeting) -> str:
    return reverse(name, args=[meeting.organization.body.slug, meeting.pk])

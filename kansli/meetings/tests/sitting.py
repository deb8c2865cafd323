"""A board with members, substitutes and a secretary, and a meeting of it taken through the
services step by step, for the tests of the meeting pages, the public side and the API."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting, Proposal
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization, Person
from kansli.registry import services as registry
from kansli.registry.models import Case

SECRET_TITLE = "Placering av barnet Kim Karlsson"
PASSWORD = "lösenord-för-test"


@dataclass
class Board:
    organization: Organization
    chair: Person
    members: list[Person]  # the chair first
    substitutes: list[Person]  # in their order
    secretary: User
    case: Case
    secret_case: Case


def _person(organization: Organization, given: str, family: str, role: str = "", rank: int = 0):
    person = organisation.person_create(
        actor=None,
        body=organization.body,
        given_name=given,
        family_name=family,
        email=f"{given.lower()}@example.se",
    )
    if role:
        organisation.membership_create(
            actor=None,
            person=person,
            organization=organization,
            role=role,
            start=datetime.date(2023, 1, 1),
            party="S",
            rank=rank,
        )
    return person


def user_of(person: Person | None, username: str, *roles: Role) -> User:
    return user_create(actor=None, username=username, password=PASSWORD, roles=roles, person=person)


def seated_board(board: Organization) -> Board:
    """The board: a chair and two members, two substitutes, a secretary who may run the
    meetings, an open case and a secret one."""
    role = Membership.Role
    chair = _person(board, "Anna", "Ordförande", role.CHAIR)
    members = [
        chair,
        _person(board, "Bertil", "Ledamot", role.MEMBER),
        _person(board, "Cecilia", "Ledamot", role.MEMBER),
    ]
    substitutes = [
        _person(board, "David", "Ersättare", role.SUBSTITUTE, rank=1),
        _person(board, "Eva", "Ersättare", role.SUBSTITUTE, rank=2),
    ]
    secretary = user_of(_person(board, "Sara", "Sekreterare"), "sekreterare", Role.SECRETARY)
    case = registry.case_open(actor=None, organization=board, title="Budget för kultur 2027")
    secret_case = registry.case_open(
        actor=None, organization=board, title=SECRET_TITLE, secrecy_reference="OSL 26 kap. 1 §"
    )
    return Board(board, chair, members, substitutes, secretary, case, secret_case)


def scheduled(board: Board, *, days_ago: int = 1) -> Meeting:
    """A meeting of the board that started `days_ago` days ago (or lies ahead, if negative)."""
    starts_at = timezone.now() - datetime.timedelta(days=days_ago)
    return services.meeting_schedule(
        actor=None, organization=board.organization, starts_at=starts_at, place="Sessionssalen"
    )


def called(board: Board, **kwargs: int) -> Meeting:
    """A scheduled meeting with the two cases on its agenda, its notice sent."""
    meeting = scheduled(board, **kwargs)
    for case in (board.case, board.secret_case):
        services.item_add(
            actor=None, meeting=meeting, title=case.title, case=case, proposal="Att bifalla."
        )
    services.notice_send(actor=None, meeting=meeting)
    return Meeting.objects.get(pk=meeting.pk)


def case_item(meeting: Meeting, case: Case) -> AgendaItem:
    return meeting.items.get(case=case)


def opened(board: Board, **kwargs: int) -> Meeting:
    """A called meeting in session: everyone present, Bertil the minutes checker."""
    meeting = called(board, **kwargs)
    services.attendance_prefill(actor=None, meeting=meeting)
    services.meeting_open(actor=None, meeting=meeting)
    services.minutes_checkers_set(actor=None, meeting=meeting, persons=[board.members[1]])
    return Meeting.objects.get(pk=meeting.pk)


def approved(board: Board, **kwargs: int) -> Meeting:
    """A meeting held, both cases decided by acclamation, closed and approved by the chair and
    the checker: posted on the notice board today."""
    meeting = opened(board, **kwargs)
    for item in meeting.items.filter(case__isnull=False):
        services.item_decide(actor=None, item=item)
    services.meeting_close(actor=None, meeting=meeting)
    for person in board.members[:2]:
        services.minutes_approve(actor=None, meeting=meeting, person=person)
    return Meeting.objects.get(pk=meeting.pk)


def counter_proposal(item: AgendaItem, proposer: Person) -> tuple[Proposal, Proposal]:
    prepared = services.proposal_add(actor=None, item=item, text=item.proposal)
    counter = services.proposal_add(actor=None, item=item, text="Att avslå.", proposer=proposer)
    return prepared, counter

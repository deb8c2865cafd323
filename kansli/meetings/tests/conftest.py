"""Meeting fixtures: Vänersborg's board of four members and three substitutes, its director,
a secretary who signs in, a meeting on 1 December 2026, and a case ready for the board.

The board: Anna Andersson (S, chair), Bo Berg (M), Cecilia Ceder (S) and David Dahl (SD);
substitutes Erik Ek (M, 1), Frida Fors (S, 2) and Gustav Gran (S, 3). Four seats: three
serving members make a quorum, two do not.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from time_machine import TimeMachineFixture

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.audit import services as audit
from kansli.decisions.models import Decision
from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.preparation import services as preparation
from kansli.preparation.models import Preparation
from kansli.registry import services as registry
from kansli.registry.models import Case

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DAY = datetime.date(2026, 12, 1)
SEATED = datetime.date(2023, 1, 1)


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=STOCKHOLM)


@dataclass(frozen=True)
class Board:
    organization: Organization
    chair: Person
    bo: Person
    cecilia: Person
    david: Person
    erik: Person
    frida: Person
    gustav: Person
    director: Person


def person(body: Body, given: str, family: str) -> Person:
    email = f"{given.lower()}@example.se"
    return organisation.person_create(
        actor=None, body=body, given_name=given, family_name=family, email=email
    )


def seat(who: Person, organization: Organization, role: str, party: str, rank: int) -> None:
    organisation.membership_create(
        actor=None,
        person=who,
        organization=organization,
        role=role,
        party=party,
        rank=rank,
        start=SEATED,
    )


def seat_board(body: Body, organization: Organization, director: Person) -> Board:
    role = Membership.Role
    people = {
        "chair": (person(body, "Anna", "Andersson"), role.CHAIR, "S", 1),
        "bo": (person(body, "Bo", "Berg"), role.MEMBER, "M", 2),
        "cecilia": (person(body, "Cecilia", "Ceder"), role.MEMBER, "S", 3),
        "david": (person(body, "David", "Dahl"), role.MEMBER, "SD", 4),
        "erik": (person(body, "Erik", "Ek"), role.SUBSTITUTE, "M", 1),
        "frida": (person(body, "Frida", "Fors"), role.SUBSTITUTE, "S", 2),
        "gustav": (person(body, "Gustav", "Gran"), role.SUBSTITUTE, "S", 3),
    }
    for who, role, party, rank in people.values():
        seat(who, organization, role, party, rank)
    return Board(organization, **{key: row[0] for key, row in people.items()}, director=director)


@pytest.fixture
def director(body: Body, department: Organization) -> Person:
    """Katarina Holmgren, kommundirektör: heads the board's administration."""
    katarina = person(body, "Katarina", "Holmgren")
    position = organisation.position_create(
        actor=None,
        body=body,
        organization=department,
        slug="kommundirektor",
        title="Kommundirektör",
        heads_organization=True,
        is_director=True,
    )
    organisation.appointment_create(
        actor=None, person=katarina, position=position, start=datetime.date(2020, 9, 1)
    )
    return katarina


@pytest.fixture
def ks(body: Body, board: Organization, director: Person) -> Board:
    return seat_board(body, board, director)


@pytest.fixture
def secretary(body: Body) -> User:
    ebba = person(body, "Ebba", "Sundqvist")
    return user_create(
        actor=None,
        username="ebba",
        password="lösenord-för-test",
        roles=[Role.SECRETARY],
        person=ebba,
    )


@pytest.fixture
def schedule(secretary: User, ks: Board) -> Callable[..., Meeting]:
    def make(day: datetime.date = DAY, organization: Organization | None = None) -> Meeting:
        return services.meeting_schedule(
            actor=secretary,
            organization=organization or ks.organization,
            starts_at=at(day),
            ends_at=at(day, 16),
            place="Sessionssalen",
        )

    return make


@pytest.fixture
def meeting(schedule: Callable[..., Meeting]) -> Meeting:
    return schedule()


@pytest.fixture
def opened(secretary: User, meeting: Meeting) -> Meeting:
    """The meeting with its agenda, everyone present, and opened."""
    services.agenda_build(actor=secretary, meeting=meeting)
    services.attendance_prefill(actor=secretary, meeting=meeting)
    return services.meeting_open(actor=secretary, meeting=meeting)


def ready_case(
    organization: Organization,
    title: str,
    *,
    route: list[Organization] | None = None,
    secrecy: str = "",
) -> Case:
    """A case of `organization` prepared and ready at the first organ of `route`, or without a
    route at `organization` itself; secret under the OSL reference `secrecy` if one is given."""
    case = registry.case_open(
        actor=None,
        organization=organization,
        title=title,
        opened_on=datetime.date(2026, 10, 1),
        secrecy_reference=secrecy,
    )
    if route is not None:
        steps = preparation.route_create(
            actor=None, body=organization.body, name=f"Ärendegång {title}", organizations=route
        )
        preparation.preparation_plan(actor=None, case=case, route=steps)
    rapporteur = Person.objects.filter(body=organization.body).first()
    preparation.report_save(
        actor=None,
        case=case,
        text="Tjänsteskrivelse.",
        clauses=[f"att anta {title.lower()}"],
        financing="Inom ram.",
        rapporteur=rapporteur,
    )
    preparation.status_change(actor=None, case=case, status=Preparation.Status.READY)
    return case


def delegated_decision(ks: Board, title: str, decided_on: datetime.date) -> Decision:
    """A recorded delegated decision of the director, owed to the board."""
    decision = Decision(
        body=ks.organization.body,
        kind=Decision.Kind.DELEGATE,
        status=Decision.Status.RECORDED,
        decision_type="organisationsforandring",
        decision_type_name="Organisationsförändring",
        decided_by=ks.director,
        decided_on=decided_on,
        title=title,
        verdict={"outcome": "allowed", "basis": [], "requirements": [], "reasons": []},
        source_document="Delegationsordning",
        source_section="3.1",
        source_rule="3.1.1",
        report_to=ks.organization,
        report_due=decided_on + datetime.timedelta(days=60),
        amount=Decimal(0),
    )
    return audit.create(actor=None, instance=decision)


@pytest.fixture
def frozen_now(time_machine: TimeMachineFixture) -> Callable[[datetime.datetime], None]:
    """Stop the clock at a given moment (time_machine, so that a step that must happen at
    another time, as the notice before the meeting, can travel there and back)."""

    def freeze(moment: datetime.datetime) -> None:
        time_machine.move_to(moment, tick=False)

    return freeze


@pytest.fixture(autouse=True)
def minutes_storage(settings: Any, tmp_path: Path) -> Path:
    """Each test's files (the stored minutes among them) in a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT

import datetime
from collections.abc import Iterable

from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization
from kansli.organisation.selectors import members_on
from kansli.organisation.tests.conftest import ONE_DAY, START, MakePerson

END = datetime.date(2024, 6, 30)


def names(memberships: Iterable[Membership]) -> list[str]:
    return [m.person.name for m in memberships]


def test_member_sits_from_the_start_day_to_the_end_day_inclusive(
    board: Organization, make_person: MakePerson
) -> None:
    seat = organisation.membership_create(
        actor=None,
        person=make_person("Anna", "Andersson"),
        organization=board,
        role=Membership.Role.MEMBER,
        start=START,
    )
    organisation.membership_end(actor=None, membership=seat, end=END)

    assert names(members_on(organization=board, on=START - ONE_DAY)) == []
    assert names(members_on(organization=board, on=START)) == ["Anna Andersson"]
    assert names(members_on(organization=board, on=END)) == ["Anna Andersson"]
    assert names(members_on(organization=board, on=END + ONE_DAY)) == []


def test_successor_takes_the_seat_the_day_after_the_predecessor_leaves(
    board: Organization, make_person: MakePerson
) -> None:
    seat = organisation.membership_create(
        actor=None,
        person=make_person("Anna", "Andersson"),
        organization=board,
        role=Membership.Role.MEMBER,
        start=START,
    )
    organisation.membership_end(actor=None, membership=seat, end=END)
    organisation.membership_create(
        actor=None,
        person=make_person("Bertil", "Berg"),
        organization=board,
        role=Membership.Role.MEMBER,
        start=END + ONE_DAY,
    )

    assert names(members_on(organization=board, on=END)) == ["Anna Andersson"]
    assert names(members_on(organization=board, on=END + ONE_DAY)) == ["Bertil Berg"]


def test_members_leave_out_substitutes_and_list_the_presidium_first(
    board: Organization, make_person: MakePerson
) -> None:
    for given, family, role, rank in [
        ("Cecilia", "Carlsson", Membership.Role.MEMBER, 1),
        ("Anna", "Andersson", Membership.Role.SUBSTITUTE, 1),
        ("Bertil", "Berg", Membership.Role.MEMBER, 2),
        ("Doris", "Dahl", Membership.Role.CHAIR, 9),
    ]:
        organisation.membership_create(
            actor=None,
            person=make_person(given, family),
            organization=board,
            role=role,
            rank=rank,
            start=START,
        )

    assert names(members_on(organization=board, on=START)) == [
        "Doris Dahl",
        "Cecilia Carlsson",
        "Bertil Berg",
    ]

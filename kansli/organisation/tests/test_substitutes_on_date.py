import datetime

from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization
from kansli.organisation.selectors import substitutes_on
from kansli.organisation.tests.conftest import ONE_DAY, START, MakePerson


def test_substitutes_are_called_in_rank_order(board: Organization, make_person: MakePerson) -> None:
    for given, family, rank in [
        ("Anna", "Andersson", 3),
        ("Bertil", "Berg", 1),
        ("Cecilia", "Carlsson", 2),
    ]:
        organisation.membership_create(
            actor=None,
            person=make_person(given, family),
            organization=board,
            role=Membership.Role.SUBSTITUTE,
            rank=rank,
            start=START,
        )
    organisation.membership_create(
        actor=None,
        person=make_person("Doris", "Dahl"),
        organization=board,
        role=Membership.Role.MEMBER,
        start=START,
    )

    assert [m.person.name for m in substitutes_on(organization=board, on=START)] == [
        "Bertil Berg",
        "Cecilia Carlsson",
        "Anna Andersson",
    ]


def test_substitute_who_left_is_no_longer_called(
    board: Organization, make_person: MakePerson
) -> None:
    left_on = datetime.date(2024, 5, 31)
    first = organisation.membership_create(
        actor=None,
        person=make_person("Bertil", "Berg"),
        organization=board,
        role=Membership.Role.SUBSTITUTE,
        rank=1,
        start=START,
    )
    organisation.membership_create(
        actor=None,
        person=make_person("Cecilia", "Carlsson"),
        organization=board,
        role=Membership.Role.SUBSTITUTE,
        rank=2,
        start=START,
    )
    organisation.membership_end(actor=None, membership=first, end=left_on)

    def called(date: datetime.date) -> list[str]:
        return [m.person.name for m in substitutes_on(organization=board, on=date)]

    assert called(left_on) == ["Bertil Berg", "Cecilia Carlsson"]
    assert called(left_on + ONE_DAY) == ["Cecilia Carlsson"]

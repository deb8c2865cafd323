import datetime

from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization
from kansli.organisation.selectors import presidium
from kansli.organisation.tests.conftest import ONE_DAY, START, MakePerson


def test_presidium_is_chair_first_vice_second_vice_whatever_the_order_of_entry(
    board: Organization, make_person: MakePerson
) -> None:
    for given, family, role in [
        ("Bertil", "Berg", Membership.Role.SECOND_VICE_CHAIR),
        ("Cecilia", "Carlsson", Membership.Role.MEMBER),
        ("Anna", "Andersson", Membership.Role.FIRST_VICE_CHAIR),
        ("Doris", "Dahl", Membership.Role.CHAIR),
    ]:
        organisation.membership_create(
            actor=None,
            person=make_person(given, family),
            organization=board,
            role=role,
            start=START,
        )

    assert [(m.person.name, m.role) for m in presidium(organization=board, on=START)] == [
        ("Doris Dahl", Membership.Role.CHAIR),
        ("Anna Andersson", Membership.Role.FIRST_VICE_CHAIR),
        ("Bertil Berg", Membership.Role.SECOND_VICE_CHAIR),
    ]


def test_new_chair_appears_in_the_presidium_from_the_day_of_election(
    board: Organization, make_person: MakePerson
) -> None:
    election = datetime.date(2024, 3, 1)
    old_chair = organisation.membership_create(
        actor=None,
        person=make_person("Doris", "Dahl"),
        organization=board,
        role=Membership.Role.CHAIR,
        start=START,
    )
    organisation.membership_end(actor=None, membership=old_chair, end=election - ONE_DAY)
    organisation.membership_create(
        actor=None,
        person=make_person("Erik", "Ek"),
        organization=board,
        role=Membership.Role.CHAIR,
        start=election,
    )

    def chair_on(date: datetime.date) -> list[str]:
        return [m.person.name for m in presidium(organization=board, on=date)]

    assert chair_on(START - ONE_DAY) == []
    assert chair_on(election - ONE_DAY) == ["Doris Dahl"]
    assert chair_on(election) == ["Erik Ek"]

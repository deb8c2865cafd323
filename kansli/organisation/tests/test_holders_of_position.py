import datetime

from kansli.organisation import services as organisation
from kansli.organisation.models import Position
from kansli.organisation.selectors import holders_of
from kansli.organisation.tests.conftest import ONE_DAY, START, MakePerson

LEAVE_START = datetime.date(2024, 2, 1)
LEAVE_END = datetime.date(2024, 4, 30)


def holders(position: Position, date: datetime.date) -> list[tuple[str, bool]]:
    return [(a.person.name, a.acting) for a in holders_of(position=position, on=date)]


def test_director_holds_the_post_from_start_day_to_end_day_inclusive(
    director_post: Position, make_person: MakePerson
) -> None:
    end = datetime.date(2025, 12, 31)
    appointment = organisation.appointment_create(
        actor=None, person=make_person("Anna", "Andersson"), position=director_post, start=START
    )
    organisation.appointment_end(actor=None, appointment=appointment, end=end)

    assert holders(director_post, START - ONE_DAY) == []
    assert holders(director_post, START) == [("Anna Andersson", False)]
    assert holders(director_post, end) == [("Anna Andersson", False)]
    assert holders(director_post, end + ONE_DAY) == []


def test_acting_director_holds_the_post_beside_the_director_during_the_leave(
    director_post: Position, make_person: MakePerson
) -> None:
    organisation.appointment_create(
        actor=None, person=make_person("Anna", "Andersson"), position=director_post, start=START
    )
    organisation.appointment_create(
        actor=None,
        person=make_person("Bertil", "Berg"),
        position=director_post,
        start=LEAVE_START,
        end=LEAVE_END,
        acting=True,
    )

    assert holders(director_post, LEAVE_START - ONE_DAY) == [("Anna Andersson", False)]
    assert holders(director_post, LEAVE_START) == [
        ("Anna Andersson", False),
        ("Bertil Berg", True),
    ]
    assert holders(director_post, LEAVE_END) == [
        ("Anna Andersson", False),
        ("Bertil Berg", True),
    ]
    assert holders(director_post, LEAVE_END + ONE_DAY) == [("Anna Andersson", False)]


def test_acting_director_alone_holds_a_vacant_post(
    director_post: Position, make_person: MakePerson
) -> None:
    vacancy = datetime.date(2024, 1, 1)
    departing = organisation.appointment_create(
        actor=None, person=make_person("Anna", "Andersson"), position=director_post, start=START
    )
    organisation.appointment_end(actor=None, appointment=departing, end=vacancy - ONE_DAY)
    organisation.appointment_create(
        actor=None,
        person=make_person("Bertil", "Berg"),
        position=director_post,
        start=vacancy,
        acting=True,
    )

    assert holders(director_post, vacancy - ONE_DAY) == [("Anna Andersson", False)]
    assert holders(director_post, vacancy) == [("Bertil Berg", True)]

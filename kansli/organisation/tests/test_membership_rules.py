import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.audit.models import Event
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.organisation.tests.conftest import ONE_DAY, START, MakePerson


def messages(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return error.value.messages


def seat(
    person: Person, organization: Organization, start: datetime.date = START, **kwargs: object
) -> Membership:
    return organisation.membership_create(
        actor=None,
        person=person,
        organization=organization,
        role=Membership.Role.MEMBER,
        start=start,
        **kwargs,
    )


def test_person_of_another_body_cannot_sit_on_the_board(
    board: Organization,
) -> None:
    region = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    outsider = organisation.person_create(
        actor=None, body=region, given_name="Olle", family_name="Ohlsson"
    )

    with pytest.raises(ValidationError) as error:
        seat(outsider, board)

    assert messages(error) == ["Personen och organet tillhör olika huvudmän."]
    assert not Membership.objects.exists()


def test_seat_in_a_department_is_refused(body: Body, make_person: MakePerson) -> None:
    department = organisation.organization_create(
        actor=None, body=body, kind="department", slug="ksf", name="Kommunstyrelseförvaltningen"
    )

    with pytest.raises(ValidationError) as error:
        seat(make_person("Anna", "Andersson"), department)

    assert messages(error) == ["Uppdrag kan bara finnas i politiska organ."]


def test_overlapping_seat_for_the_same_person_is_refused(
    board: Organization, make_person: MakePerson
) -> None:
    anna = make_person("Anna", "Andersson")
    first = seat(anna, board)
    organisation.membership_end(actor=None, membership=first, end=datetime.date(2024, 6, 30))

    with pytest.raises(ValidationError) as error:
        seat(anna, board, start=datetime.date(2024, 6, 30))

    assert messages(error) == ["Perioden överlappar en befintlig period för samma person."]
    assert seat(anna, board, start=datetime.date(2024, 7, 1)).start == datetime.date(2024, 7, 1)


def test_new_seat_before_an_open_ended_seat_is_refused(
    board: Organization, make_person: MakePerson
) -> None:
    anna = make_person("Anna", "Andersson")
    seat(anna, board, start=START)

    with pytest.raises(ValidationError) as error:
        seat(anna, board, start=START - 10 * ONE_DAY, end=START)

    assert messages(error) == ["Perioden överlappar en befintlig period för samma person."]


def test_extending_a_seat_into_the_next_one_is_refused(
    board: Organization, make_person: MakePerson
) -> None:
    anna = make_person("Anna", "Andersson")
    first = seat(anna, board, end=datetime.date(2023, 12, 31))
    seat(anna, board, start=datetime.date(2024, 1, 1))

    with pytest.raises(ValidationError) as error:
        organisation.membership_end(actor=None, membership=first, end=datetime.date(2024, 1, 1))

    assert messages(error) == ["Perioden överlappar en befintlig period för samma person."]
    first.refresh_from_db()
    assert first.end == datetime.date(2023, 12, 31)


def test_seat_ending_before_it_starts_is_refused(
    board: Organization, make_person: MakePerson
) -> None:
    with pytest.raises(ValidationError) as error:
        seat(make_person("Anna", "Andersson"), board, end=START - ONE_DAY)

    assert messages(error) == ["Slutdatumet kan inte vara före startdatumet."]


def test_ending_a_seat_before_its_start_is_refused_and_leaves_no_event(
    board: Organization, make_person: MakePerson
) -> None:
    membership = seat(make_person("Anna", "Andersson"), board)
    events = Event.objects.count()

    with pytest.raises(ValidationError) as error:
        organisation.membership_end(actor=None, membership=membership, end=START - ONE_DAY)

    assert messages(error) == ["Slutdatumet kan inte vara före startdatumet."]
    membership.refresh_from_db()
    assert membership.end is None
    assert Event.objects.count() == events

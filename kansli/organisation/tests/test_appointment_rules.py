import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.organisation import services as organisation
from kansli.organisation.models import Appointment, Body, Position
from kansli.organisation.tests.conftest import ONE_DAY, START, MakePerson


def test_person_of_another_body_cannot_be_appointed(director_post: Position) -> None:
    region = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    outsider = organisation.person_create(
        actor=None, body=region, given_name="Olle", family_name="Ohlsson"
    )

    with pytest.raises(ValidationError) as error:
        organisation.appointment_create(
            actor=None, person=outsider, position=director_post, start=START
        )

    assert error.value.messages == ["Personen och befattningen tillhör olika huvudmän."]
    assert not Appointment.objects.exists()


def test_second_appointment_of_the_same_person_to_the_same_post_is_refused(
    director_post: Position, make_person: MakePerson
) -> None:
    anna = make_person("Anna", "Andersson")
    organisation.appointment_create(actor=None, person=anna, position=director_post, start=START)

    with pytest.raises(ValidationError) as error:
        organisation.appointment_create(
            actor=None,
            person=anna,
            position=director_post,
            start=datetime.date(2024, 1, 1),
            acting=True,
        )

    assert error.value.messages == ["Perioden överlappar en befintlig period för samma person."]


def test_appointment_ending_before_it_starts_is_refused(
    director_post: Position, make_person: MakePerson
) -> None:
    appointment = organisation.appointment_create(
        actor=None, person=make_person("Anna", "Andersson"), position=director_post, start=START
    )

    with pytest.raises(ValidationError) as error:
        organisation.appointment_end(actor=None, appointment=appointment, end=START - ONE_DAY)

    assert error.value.messages == ["Slutdatumet kan inte vara före startdatumet."]


def test_post_in_an_organization_of_another_body_is_refused(director_post: Position) -> None:
    region = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )

    with pytest.raises(ValidationError) as error:
        organisation.position_create(
            actor=None,
            body=region,
            organization=director_post.organization,
            slug="rd",
            title="Regiondirektör",
        )

    assert error.value.messages == ["Organisationen tillhör en annan huvudman."]

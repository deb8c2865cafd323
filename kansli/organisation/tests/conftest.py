"""People and posts for the organisation's stories."""

import datetime
from collections.abc import Callable

import pytest

from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person, Position

START = datetime.date(2023, 1, 1)
ONE_DAY = datetime.timedelta(days=1)

MakePerson = Callable[[str, str], Person]


@pytest.fixture
def make_person(body: Body) -> MakePerson:
    def make(given_name: str, family_name: str) -> Person:
        return organisation.person_create(
            actor=None, body=body, given_name=given_name, family_name=family_name
        )

    return make


@pytest.fixture
def director_post(body: Body, board: Organization) -> Position:
    department = organisation.organization_create(
        actor=None,
        body=body,
        kind="department",
        slug="ksf",
        name="Kommunstyrelseförvaltningen",
        parent=board,
    )
    return organisation.position_create(
        actor=None, body=body, organization=department, slug="kd", title="Kommundirektör"
    )

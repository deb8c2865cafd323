"""Fixtures of the follow-up tests: the director and the people who keep or read the
follow-up, and a committee with its administration."""

import datetime

import pytest
from django.test import Client

from kansli.accounts.models import Role, User
from kansli.accounts.services import token_create, user_create
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person


def person(body: Body, given: str, family: str) -> Person:
    email = f"{given.lower()}.{family.lower()}@example.se"
    return organisation.person_create(
        actor=None, body=body, given_name=given, family_name=family, email=email
    )


def user_of(who: Person, username: str, *roles: Role) -> User:
    return user_create(
        actor=None, username=username, password="lösenord-för-test", roles=roles, person=who
    )


def keyed(user: User) -> Client:
    """A client of the API with a key of the user."""
    _token, key = token_create(actor=None, user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


@pytest.fixture
def director(body: Body, board: Organization, department: Organization) -> Person:
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
def director_user(director: Person) -> User:
    return user_of(director, "katarina", Role.DIRECTOR)


@pytest.fixture
def secretary_user(body: Body) -> User:
    return user_of(person(body, "Ebba", "Sundqvist"), "ebba", Role.SECRETARY)


@pytest.fixture
def member_user(body: Body) -> User:
    return user_of(person(body, "Bo", "Berg"), "bo", Role.ELECTED_MEMBER)


@pytest.fixture
def committee(body: Body) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.COMMITTEE,
        slug="bun",
        name="Barn- och utbildningsnämnden",
        short_name="BUN",
    )


@pytest.fixture
def staff_unit(body: Body, department: Organization) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.STAFF_UNIT,
        slug="ekonomistaben",
        name="Ekonomistaben",
        parent=department,
    )

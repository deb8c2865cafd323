"""Preparation fixtures: a case of the board with its case officer, the board's subcommittee
and council, a committee, and a rapporteur, all in the `body` fixture's municipality."""

import datetime
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person
from kansli.registry import services as registry
from kansli.registry.models import Case


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def organ(body: Body, kind: str, slug: str, name: str, short_name: str = "") -> Organization:
    return organisation.organization_create(
        actor=None, body=body, kind=kind, slug=slug, name=name, short_name=short_name
    )


@pytest.fixture
def council(body: Body) -> Organization:
    return organ(body, Organization.Kind.COUNCIL, "kf", "Kommunfullmäktige", "KF")


@pytest.fixture
def subcommittee(body: Body) -> Organization:
    return organ(body, Organization.Kind.SUBCOMMITTEE, "au", "Arbetsutskottet", "AU")


@pytest.fixture
def committee(body: Body) -> Organization:
    return organ(body, Organization.Kind.COMMITTEE, "sn", "Socialnämnden", "SN")


@pytest.fixture
def officer(body: Body) -> User:
    person = organisation.person_create(
        actor=None, body=body, given_name="Hanna", family_name="Handläggare"
    )
    return user_create(
        actor=None,
        username="hanna",
        password="lösenord-för-test",
        roles=[Role.CASE_OFFICER],
        person=person,
    )


@pytest.fixture
def rapporteur(body: Body) -> Person:
    return organisation.person_create(
        actor=None, body=body, given_name="Kerstin", family_name="Kommundirektör"
    )


@pytest.fixture
def case(board: Organization, officer: User) -> Case:
    return registry.case_open(
        actor=officer,
        organization=board,
        title="Revidering av kommundirektörsinstruktion",
        case_officer=officer.person,
        opened_on=datetime.date(2026, 1, 12),
    )

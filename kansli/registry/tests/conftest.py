"""Registry fixtures: files kept in a temporary folder, a case officer, a retention rule, an
open case of the board in the `body` fixture's municipality, staff users, a registrar of another
body and a secret letter."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from kansli.accounts.models import Role, User
from kansli.accounts.services import token_create, user_create
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person
from kansli.registry import services
from kansli.registry.models import Case, Document, RetentionRule
from kansli.registry.tests.object_store import bucket, object_store  # noqa: F401
from kansli.registry.tests.samples import pdf_bytes, upload


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    """Stored files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media: Path) -> list[Path]:
    return sorted(path for path in media.rglob("*") if path.is_file())


@pytest.fixture
def officer(body: Body) -> Person:
    return organisation.person_create(
        actor=None, body=body, given_name="Hanna", family_name="Handläggare"
    )


@pytest.fixture
def rule(body: Body) -> RetentionRule:
    return services.retention_rule_create(
        actor=None, body=body, name="Skrivelser", action=RetentionRule.Action.PRESERVE
    )


@pytest.fixture
def case(board: Organization, officer: Person) -> Case:
    services.number_series_set_format(
        actor=None, organization=board, year=2026, format="KS {year}/{number:05d}"
    )
    return services.case_open(
        actor=None,
        organization=board,
        title="Revidering av kommundirektörsinstruktion",
        case_officer=officer,
        classification="1.2.3",
        opened_on=datetime.date(2026, 1, 12),
    )


@pytest.fixture
def staff(body: Body) -> Callable[..., User]:
    """A signed-in user of the body, with a person of their own and the given roles."""

    def make(username: str, *roles: Role, person: Person | None = None) -> User:
        person = person or organisation.person_create(
            actor=None, body=body, given_name=username.capitalize(), family_name="Testsson"
        )
        return user_create(
            actor=None, username=username, password="lösenord-för-test", roles=roles, person=person
        )

    return make


@pytest.fixture
def secret_letter(case: Case, rule: RetentionRule) -> Document:
    """An incoming letter about a named pupil: sender and description masked, with a PDF."""
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 1, 15),
        counterpart="Förälder Föräldersson",
        description="Anmälan om kränkande behandling av elev",
        retention_rule=rule,
        secrecy_reference="OSL 23 kap. 1 §",
        secrecy_reason="Uppgifter om enskild elevs personliga förhållanden",
        counterpart_masked=True,
        description_masked=True,
        files=[upload("anmalan.pdf", pdf_bytes("Hemlig anmalan om eleven"))],
    )


@pytest.fixture
def api_client() -> Callable[[User], Client]:
    """A test client that calls the API with a fresh token of the user."""

    def make(user: User) -> Client:
        _token, key = token_create(actor=None, user=user, name="test")
        return Client(headers={"Authorization": f"Bearer {key}"})

    return make


@pytest.fixture
def other_registrar(body: Body) -> User:
    """A registrar of another body: the public to Vänersborg's registry."""
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    person = organisation.person_create(
        actor=None, body=other, given_name="Rut", family_name="Registrator"
    )
    return user_create(
        actor=None,
        username="blekinge-registrator",
        password="lösenord-för-test",
        roles=[Role.REGISTRAR],
        person=person,
    )

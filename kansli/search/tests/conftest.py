"""Search fixtures: a case in the `body` fixture's municipality, staff of that body and of
another, and a way to register documents that also indexes them."""

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_django.fixtures import Settings

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.registry import services as registry
from kansli.registry.models import Case, Document


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def staff(body: Body, username: str, *roles: Role) -> User:
    person = organisation.person_create(
        actor=None, body=body, given_name=username.capitalize(), family_name="Testsson"
    )
    return user_create(
        actor=None, username=username, password="lösenord-för-test", roles=roles, person=person
    )


@pytest.fixture
def officer(body: Body) -> User:
    """The case officer of the case."""
    return staff(body, "hanna", Role.CASE_OFFICER)


@pytest.fixture
def colleague(body: Body) -> User:
    """Staff of the same body, not the case's officer, without the right to see secrets."""
    return staff(body, "kalle", Role.CASE_OFFICER)


@pytest.fixture
def outsider(db: None) -> User:
    """Staff of another municipality."""
    other = organisation.body_create(
        actor=None, slug="trollhattan", name="Trollhättans stad", kind=Body.Kind.MUNICIPALITY
    )
    return staff(other, "olle", Role.REGISTRAR)


@pytest.fixture
def case(board: Organization, officer: User) -> Case:
    return registry.case_open(
        actor=None,
        organization=board,
        title="Revidering av kommundirektörsinstruktion",
        case_officer=officer.person,
        classification="1.2.3",
        opened_on=datetime.date(2026, 1, 12),
    )


@pytest.fixture
def register() -> Callable[..., Document]:
    """Register a document in a case; the registry indexes it for search as it registers."""

    def register(case: Case, description: str, **extra: Any) -> Document:
        arguments: dict[str, Any] = {
            "direction": Document.Direction.INCOMING,
            "date": datetime.date(2026, 1, 14),
            "counterpart": "Länsstyrelsen i Västra Götalands län",
            **extra,
        }
        return registry.document_register(
            actor=None, case=case, description=description, **arguments
        )

    return register

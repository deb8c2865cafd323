"""Fixtures shared by the whole suite: a body with its board, and users of each role."""

from collections.abc import Callable

import pytest

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.demo.services import load_demo
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization


@pytest.fixture
def body(db: None) -> Body:
    return organisation.body_create(
        actor=None, slug="vanersborg", name="Vänersborgs kommun", kind=Body.Kind.MUNICIPALITY
    )


@pytest.fixture
def board(body: Body) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.EXECUTIVE_BOARD,
        slug="ks",
        name="Kommunstyrelsen",
        short_name="KS",
    )


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(username: str, *roles: Role) -> User:
        return user_create(actor=None, username=username, password="lösenord-för-test", roles=roles)

    return make


@pytest.fixture
def demo(db: None) -> dict[str, Body]:
    """The demo data: Vänersborgs kommun and Region Blekinge, by slug ("vanersborg", "blekinge").

    Not to be combined with the `body` fixture, which makes a bare Vänersborg of its own.
    """
    load_demo()
    return {body.slug: body for body in Body.objects.all()}

"""The directory's side: an administrator account of Vänersborg whose API key the directory
holds, and a SCIM client on the live server signed in with it."""

from collections.abc import Callable
from typing import Any

import pytest
from scim2_models import EnterpriseUser, User

from kansli.accounts.models import ApiToken, Role
from kansli.accounts.models import User as Account
from kansli.accounts.services import token_create, user_create
from kansli.organisation import services as organisation
from kansli.organisation.models import Body
from kansli.provisioning.tests.scim_client import LiveSCIMClient

ScimUser = User[EnterpriseUser]


def account(body: Body, username: str, *roles: Role) -> Account:
    person = organisation.person_create(
        actor=None, body=body, given_name=username.capitalize(), family_name="Konto"
    )
    return user_create(actor=None, username=username, password=None, person=person, roles=roles)


def key_of(user: Account, scope: str = ApiToken.Scope.PROVISIONING) -> str:
    """A new key of the user's: for the directory's provisioning unless another scope is
    given."""
    return token_create(actor=None, user=user, name="Katalogen", scope=scope)[1]


@pytest.fixture
def vanersborg(transactional_db: None) -> Body:
    return organisation.body_create(
        actor=None, slug="vanersborg", name="Vänersborgs kommun", kind=Body.Kind.MUNICIPALITY
    )


@pytest.fixture
def blekinge(transactional_db: None) -> Body:
    return organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )


@pytest.fixture
def directory(vanersborg: Body) -> Account:
    """The account the directory signs in as: the administrator, holding every role it gives."""
    return account(vanersborg, "katalogen", *Role)


@pytest.fixture
def scim_client(live_server: Any) -> Callable[[str | None], LiveSCIMClient]:
    def make(key: str | None) -> LiveSCIMClient:
        return LiveSCIMClient(f"{live_server.url}/scim/v2", key)

    return make


@pytest.fixture
def scim(scim_client: Callable[[str | None], LiveSCIMClient], directory: Account) -> LiveSCIMClient:
    client = scim_client(key_of(directory))
    client.discover()
    return client

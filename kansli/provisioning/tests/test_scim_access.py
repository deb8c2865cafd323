"""Who the directory is: only a provisioning key (`kansli apitoken create --scim`) of an
administrator of a body, which sees and changes that body's users alone. No key or an API key
is 401, a key of someone else 403, another body's user 404."""

from collections.abc import Callable

import pytest
import requests
from scim2_models import Group, SearchRequest

from kansli.accounts.models import ApiToken, Role
from kansli.accounts.models import User as Account
from kansli.organisation.models import Body
from kansli.provisioning.tests.conftest import ScimUser, account, key_of
from kansli.provisioning.tests.scim_client import LiveSCIMClient

REFUSED = "En giltig nyckel för provisionering krävs (Authorization: Bearer)."


def _get(client: LiveSCIMClient, path: str) -> requests.Response:
    return client.request("GET", path)


@pytest.mark.parametrize("path", ["/Users", "/Groups", "/Schemas", "/ServiceProviderConfig"])
def test_without_a_key_the_directory_is_refused_with_401(
    scim_client: Callable[[str | None], LiveSCIMClient], vanersborg: Body, path: str
) -> None:
    response = _get(scim_client(None), path)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["detail"] == REFUSED


def test_a_key_of_a_user_who_is_no_administrator_is_refused_with_403(
    scim_client: Callable[[str | None], LiveSCIMClient], vanersborg: Body
) -> None:
    registrar = account(vanersborg, "registrator", Role.REGISTRAR)

    response = _get(scim_client(key_of(registrar)), "/Users")

    assert response.status_code == 403


def test_an_administrators_api_key_is_no_provisioning_key(
    scim_client: Callable[[str | None], LiveSCIMClient], directory: Account
) -> None:
    response = _get(scim_client(key_of(directory, ApiToken.Scope.API)), "/Users")

    assert response.status_code == 401
    assert response.json()["detail"] == REFUSED


def test_a_signed_in_administrators_session_is_no_key(
    live_server: object, directory: Account
) -> None:
    from django.test import Client

    browser = Client()
    browser.force_login(directory)

    assert browser.get("/scim/v2/Users").status_code == 401


def test_another_bodys_users_are_invisible_and_untouchable(
    scim: LiveSCIMClient, directory: Account, vanersborg: Body, blekinge: Body
) -> None:
    own = account(vanersborg, "anna", Role.REGISTRAR)
    other = account(blekinge, "bo", Role.REGISTRAR)
    account(blekinge, "blekinge-katalogen", *Role)

    listed = scim.query(ScimUser)
    found = scim.query(ScimUser, query_parameters=SearchRequest(filter='userName eq "bo"'))
    registrars = scim.query(
        Group, query_parameters=SearchRequest(filter='displayName eq "registrar"')
    )

    assert {user.user_name for user in listed.resources} == {"katalogen", "anna"}
    assert found.total_results == 0
    members = [member.value for member in registrars.resources[0].members]
    assert members == [str(directory.pk), str(own.pk)]
    for method in ("GET", "PUT", "PATCH", "DELETE"):
        assert scim.request(method, f"/Users/{other.pk}", json={}).status_code == 404
    other.refresh_from_db()
    assert other.is_active

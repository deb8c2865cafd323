"""A SCIM deactivation ends an active session and an API key in the same test: the directory
sets `active: false` (or deletes the user) over HTTP, and the user's signed-in browser and its
API client are both refused on their very next request."""

import pytest
from django.test import Client
from django.urls import reverse
from scim2_models import PatchOp, PatchOperation

from kansli.accounts.models import ApiToken, Session
from kansli.accounts.models import User as Account
from kansli.organisation.models import Body
from kansli.provisioning.tests.conftest import ScimUser, account, key_of
from kansli.provisioning.tests.scim_client import LiveSCIMClient


def signed_in(user: Account) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


@pytest.mark.parametrize("how", ["patch", "delete"])
def test_a_scim_deactivation_ends_an_active_session_and_an_api_key(
    scim: LiveSCIMClient, vanersborg: Body, how: str
) -> None:
    anna = account(vanersborg, "anna")
    browser = signed_in(anna)
    api = Client(headers={"authorization": f"Bearer {key_of(anna, ApiToken.Scope.API)}"})
    assert browser.get(reverse("web:home")).wsgi_request.user == anna
    assert api.get("/api/v1/bodies").status_code == 200

    if how == "patch":
        scim.modify(
            ScimUser,
            str(anna.pk),
            PatchOp[ScimUser](
                operations=[PatchOperation(op="replace", path="active", value=False)]
            ),
        )
    else:
        scim.delete(ScimUser, str(anna.pk))

    assert not Session.objects.filter(user_id=anna.pk).exists()
    assert not browser.get(reverse("web:home")).wsgi_request.user.is_authenticated
    assert api.get("/api/v1/bodies").status_code == 401
    anna.refresh_from_db()
    assert not anna.is_active
    assert not anna.api_tokens.filter(revoked_at__isnull=True).exists()


def test_a_deactivated_user_active_again_has_no_keys_back(
    scim: LiveSCIMClient, vanersborg: Body
) -> None:
    anna = account(vanersborg, "anna")
    key = key_of(anna, ApiToken.Scope.API)
    for active in (False, True):
        scim.modify(
            ScimUser,
            str(anna.pk),
            PatchOp[ScimUser](
                operations=[PatchOperation(op="replace", path="active", value=active)]
            ),
        )

    assert Account.objects.get(pk=anna.pk).is_active
    assert (
        Client(headers={"authorization": f"Bearer {key}"}).get("/api/v1/bodies").status_code == 401
    )

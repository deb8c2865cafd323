"""API tokens in the admin: listed, never added, edited or deleted there, only revoked."""

from collections.abc import Callable

from django.contrib import admin
from django.test import Client

from kansli.accounts.models import ApiToken, User
from kansli.accounts.services import token_create, token_revoke
from kansli.audit.models import Event


def test_revoking_in_the_admin_revokes_through_the_service_and_is_recorded(
    admin_client: Client, admin_user: User, make_user: Callable[..., User]
) -> None:
    token, _key = token_create(actor=None, user=make_user("rut"), name="Integration")

    response = admin_client.post(
        "/admin/accounts/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}
    )

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    event = Event.objects.latest("seq")
    assert (event.action, event.actor) == ("apitoken.update", admin_user)
    assert event.before["revoked_at"] is None


def test_revoking_an_already_revoked_token_says_so(
    admin_client: Client, make_user: Callable[..., User]
) -> None:
    token, _key = token_create(actor=None, user=make_user("rut"), name="Integration")
    token_revoke(actor=None, token=token)
    events = Event.objects.count()

    response = admin_client.post(
        "/admin/accounts/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
        follow=True,
    )

    assert "API-nyckeln är redan återkallad." in response.text
    assert "0 API-nycklar återkallade." in response.text
    assert Event.objects.count() == events


def test_tokens_cannot_be_added_changed_or_deleted_in_the_admin(admin_client: Client) -> None:
    request = admin_client.get("/admin/").wsgi_request
    token_admin = admin.site._registry[ApiToken]

    assert not token_admin.has_add_permission(request)
    assert not token_admin.has_change_permission(request)
    assert not token_admin.has_delete_permission(request)
    assert token_admin.has_revoke_permission(request)

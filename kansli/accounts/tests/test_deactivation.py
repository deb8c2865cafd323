"""Deactivating a user ends its sessions at once and revokes its API keys; an inactive user is
refused by the web and the API alike, whatever its session or key."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Session, User
from kansli.accounts.services import deactivate, token_create
from kansli.audit import services as audit
from kansli.audit.models import Event
from kansli.organisation.models import Body


def signed_in(user: User) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def test_deactivation_ends_the_users_sessions_and_revokes_its_keys(
    body: Body, make_user: Callable[..., User]
) -> None:
    alice, bob = make_user("alice"), make_user("bob")
    alices_browser, bobs_browser = signed_in(alice), signed_in(bob)
    token, _key = token_create(actor=None, user=alice, name="rapporter")

    deactivate(actor=None, user=alice)

    assert not Session.objects.filter(user_id=alice.pk).exists()
    assert Session.objects.filter(user_id=bob.pk).exists()
    assert not alices_browser.get(reverse("web:home")).wsgi_request.user.is_authenticated
    assert bobs_browser.get(reverse("web:home")).wsgi_request.user == bob
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert {"user.update", "apitoken.update"} <= set(Event.objects.values_list("action", flat=True))


def test_the_web_refuses_an_inactive_users_session(
    body: Body, make_user: Callable[..., User]
) -> None:
    alice = make_user("alice")
    browser = signed_in(alice)

    # Made inactive another way than deactivate() (the admin site): its session is kept, but
    # counts for nothing.
    audit.update(actor=None, instance=alice, is_active=False)

    assert not browser.get(reverse("web:home")).wsgi_request.user.is_authenticated


def test_the_api_refuses_an_inactive_users_key(body: Body, make_user: Callable[..., User]) -> None:
    alice = make_user("alice")
    _token, key = token_create(actor=None, user=alice, name="rapporter")
    audit.update(actor=None, instance=alice, is_active=False)

    response = Client(headers={"authorization": f"Bearer {key}"}).get("/api/v1/bodies")

    assert response.status_code == 401

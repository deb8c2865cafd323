"""A user who lost both the authenticator app and the recovery codes: the administrator of the
user's body (or an operator) removes the user's second factor from the user's page in the admin,
after a confirmation. The user's sessions end, the user sets a new factor up at the next sign-in,
and the event log says so without a key or a code. Nobody else may, and nobody for oneself."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansli.accounts import two_factor
from kansli.accounts.models import Session, User
from kansli.accounts.services import second_factor_reset
from kansli.accounts.tests.test_two_factor import code_of
from kansli.audit.models import Event
from kansli.audit.selectors import logged_states
from kansli.demo.services import DEMO_PASSWORD
from kansli.organisation.models import Body

pytestmark = pytest.mark.usefixtures("second_factor_asked")

RECOVERY_CODE = "reserv123"


def with_app_and_recovery_codes(user: User) -> TOTPDevice:
    app = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name="reserv", confirmed=True)
    StaticToken.objects.create(device=recovery, token=RECOVERY_CODE)
    return app


def signed_in_fully(user: User) -> Client:
    """A session that gave the password and the code."""
    browser = Client()
    browser.post("/logga-in/", {"username": user.username, "password": DEMO_PASSWORD})
    response = browser.post("/logga-in/kod/", {"code": RECOVERY_CODE})
    assert response.status_code == 302
    # The recovery code is used up: a new one for the next sign-in of the test.
    StaticToken.objects.create(device=StaticDevice.objects.get(user=user), token=RECOVERY_CODE)
    return browser


def reset_url(user: User) -> str:
    return reverse("admin:accounts_user_second_factor_reset", args=[user.pk])


@pytest.fixture
def registrar(demo: dict[str, Body]) -> User:
    registrar = User.objects.get(username="registrator")
    with_app_and_recovery_codes(registrar)
    return registrar


@pytest.fixture
def administrators_browser(demo: dict[str, Body]) -> Client:
    administrator = User.objects.get(username="admin")
    with_app_and_recovery_codes(administrator)
    return signed_in_fully(administrator)


def test_the_administrator_removes_a_users_second_factor_after_a_confirmation(
    registrar: User, administrators_browser: Client
) -> None:
    change_page = administrators_browser.get(
        reverse("admin:accounts_user_change", args=[registrar.pk])
    )
    confirmation = administrators_browser.get(reset_url(registrar))

    assert reset_url(registrar) in change_page.content.decode()
    assert confirmation.status_code == 200
    assert TOTPDevice.objects.filter(user=registrar).exists()

    response = administrators_browser.post(reset_url(registrar))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:accounts_user_change", args=[registrar.pk])
    assert not TOTPDevice.objects.filter(user=registrar).exists()
    assert not StaticDevice.objects.filter(user=registrar).exists()


def test_the_users_sessions_end_and_it_sets_a_new_factor_up_at_the_next_sign_in(
    registrar: User, administrators_browser: Client
) -> None:
    registrars_browser = signed_in_fully(registrar)
    assert registrars_browser.get(reverse("web:home")).wsgi_request.user == registrar

    administrators_browser.post(reset_url(registrar))

    assert not Session.objects.filter(user_id=registrar.pk).exists()
    assert not registrars_browser.get(reverse("web:home")).wsgi_request.user.is_authenticated
    registrars_browser.post("/logga-in/", {"username": "registrator", "password": DEMO_PASSWORD})
    response = registrars_browser.get(reverse("web:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))


def test_the_demand_ends_when_the_user_adds_an_app(registrar: User) -> None:
    second_factor_reset(actor=None, user=registrar)
    registrar.refresh_from_db()
    assert two_factor.is_required(registrar)

    key = two_factor.new_key()
    two_factor.authenticator_add(actor=registrar, key=key, code=code_of(key))

    registrar.refresh_from_db()
    assert not registrar.second_factor_due


def test_the_event_says_what_was_done_without_a_key_or_a_code(
    registrar: User, administrators_browser: Client
) -> None:
    key = TOTPDevice.objects.get(user=registrar).key

    administrators_browser.post(reset_url(registrar))

    reset = Event.objects.get(action="user.second_factor_reset")
    change = Event.objects.filter(action="user.update", object_id=str(registrar.pk)).last()
    assert reset.object_id == str(registrar.pk)
    assert reset.actor_id == User.objects.get(username="admin").pk
    assert reset.after == {"devices_removed": 2}
    assert change is not None
    assert change.after["second_factor_due"] is True
    logged = json.dumps([[event.before, event.after] for event in (reset, change)])
    assert key not in logged
    assert RECOVERY_CODE not in logged
    # `kansli audit verify` finds the account as the log describes it.
    _seq, state = logged_states(Event.objects.filter(object_type="accounts.user"))[
        str(registrar.pk)
    ]
    assert state is not None
    assert state["second_factor_due"] is True


@pytest.mark.parametrize("who", ["ledamot", "blekinge-admin"])
def test_others_are_refused_and_nothing_changes(
    who: str, registrar: User, demo: dict[str, Body]
) -> None:
    other = User.objects.get(username=who)
    with_app_and_recovery_codes(other)
    browser = signed_in_fully(other)
    events = Event.objects.count()

    for response in (browser.get(reset_url(registrar)), browser.post(reset_url(registrar))):
        assert response.status_code in {302, 403, 404}
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/login/")
    with pytest.raises(PermissionDenied):
        second_factor_reset(actor=other, user=registrar)

    assert TOTPDevice.objects.filter(user=registrar).exists()
    assert Session.objects.filter(user_id=other.pk).exists()
    assert Event.objects.count() == events


def test_the_public_is_sent_to_sign_in_and_nothing_changes(registrar: User) -> None:
    response = Client().post(reset_url(registrar))

    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/")
    assert TOTPDevice.objects.filter(user=registrar).exists()


def test_an_administrator_cannot_remove_its_own_second_factor(
    administrators_browser: Client,
) -> None:
    administrator = User.objects.get(username="admin")

    response = administrators_browser.post(reset_url(administrator))

    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=administrator).exists()
    assert (
        reset_url(administrator)
        not in administrators_browser.get(
            reverse("admin:accounts_user_change", args=[administrator.pk])
        ).content.decode()
    )

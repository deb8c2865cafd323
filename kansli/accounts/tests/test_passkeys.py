"""A passkey's ceremonies refuse what they must (the whole way through a browser is
tests/browser/test_passkey.py): a session that owes its code may sign in with its own passkey
but not add one, another user's passkey signs no one in, a ceremony not begun is refused
with nothing stored, and the administrator's reset removes the passkeys too."""

from collections.abc import Callable

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from webauthn.helpers import bytes_to_base64url

from kansli.accounts.models import Role, User
from kansli.accounts.services import second_factor_reset
from kansli.audit.models import Event

pytestmark = pytest.mark.usefixtures("second_factor_asked")
PASSWORD = "lösenord-för-test"


def passkey_of(user: User, credential_id: bytes) -> WebAuthnCredential:
    return WebAuthnCredential.objects.create(
        user=user, credential_id=credential_id, public_key=b"not a key", sign_count=0
    )


def url(name: str) -> str:
    return reverse(f"otp_webauthn:credential-{name}")


@pytest.fixture
def owing_its_code(make_user: Callable[..., User]) -> Client:
    """A user with an app and a passkey, signed in with the password only."""
    user = make_user("alice", Role.REGISTRAR)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    passkey_of(user, b"alices-passkey")
    browser = Client()
    browser.post("/logga-in/", {"username": "alice", "password": PASSWORD})
    return browser


def test_a_session_that_owes_its_code_cannot_add_a_passkey(owing_its_code: Client) -> None:
    response = owing_its_code.post(url("registration-begin"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert "otp_webauthn_register_state" not in owing_its_code.session


def test_a_session_that_owes_its_code_may_begin_with_its_own_passkeys_only(
    owing_its_code: Client, make_user: Callable[..., User]
) -> None:
    passkey_of(make_user("bob"), b"bobs-passkey")

    response = owing_its_code.post(url("authentication-begin"))

    assert response.status_code == 200
    offered = [credential["id"] for credential in response.json()["allowCredentials"]]
    assert offered == [bytes_to_base64url(b"alices-passkey")]


def test_another_users_passkey_signs_no_one_in(
    owing_its_code: Client, make_user: Callable[..., User]
) -> None:
    passkey_of(make_user("bob"), b"bobs-passkey")
    owing_its_code.post(url("authentication-begin"))
    bobs = bytes_to_base64url(b"bobs-passkey")
    forged = {
        "id": bobs,
        "rawId": bobs,
        "type": "public-key",
        "response": {
            "clientDataJSON": bytes_to_base64url(b"{}"),
            "authenticatorData": bytes_to_base64url(b"\0" * 37),
            "signature": bytes_to_base64url(b"signature"),
        },
    }

    response = owing_its_code.post(
        url("authentication-complete"), forged, content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json()["code"] == "credential_user_mismatch"
    assert owing_its_code.get(reverse("web:home"))["Location"].startswith(
        reverse("two_factor_verify")
    )


def test_a_registration_not_begun_is_refused_and_nothing_is_stored(
    make_user: Callable[..., User], client: Client
) -> None:
    client.force_login(make_user("carol"))
    events = Event.objects.count()

    response = client.post(url("registration-complete"), {}, content_type="application/json")

    assert response.status_code == 400
    assert not WebAuthnCredential.objects.exists()
    assert Event.objects.count() == events


def test_the_administrators_reset_removes_the_passkeys_too(
    owing_its_code: Client,
) -> None:
    alice = User.objects.get(username="alice")

    second_factor_reset(actor=None, user=alice)

    assert not WebAuthnCredential.objects.filter(user=alice).exists()
    assert not TOTPDevice.objects.filter(user=alice).exists()


@pytest.mark.parametrize("ceremony", ["auth", "register"])
def test_the_texts_are_loaded_before_the_ceremonys_script_and_never_after_it(ceremony: str) -> None:
    """The package's own template loads the texts async: a click on the button before they
    arrived threw on gettext and did nothing (once in a suite's run)."""
    html = render_to_string(f"django_otp_webauthn/{ceremony}_scripts.html", {"configuration": {}})

    texts = html.index(f'src="{reverse("otp_webauthn:js-i18n-catalog")}"')
    assert "async" not in html
    assert html.index(f"otp_webauthn_{ceremony}.js") > texts

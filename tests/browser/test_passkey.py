"""A passkey instead of the code, in a real browser: Chromium's virtual authenticator (a platform
authenticator that verifies its user) stands in for the fingerprint reader. The director adds a
passkey on the page "Två faktorer", is shown the recovery codes once, signs out, and signs in
again with the password and the passkey, reaching the start page; the director names a passkey
and removes it with the password; an administrator's first, required set-up adds a passkey
instead of the app and goes on to the admin site. The package's scripts run under Kansli's
Content-Security-Policy (the `page` fixture fails the test on any violation)."""

import re
from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import Page, expect

from kansli.audit.models import Event
from kansli.demo.services import DEMO_PASSWORD
from tests.browser.signing import sign_in, sign_out, submit_password

pytestmark = pytest.mark.browser


def with_virtual_authenticator(page: Page) -> Any:
    """The tab's browser gets a passkey authenticator that says yes without asking."""
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return session


def add_a_passkey(page: Page) -> None:
    """The user adds a passkey on the page it is on, is shown its first recovery codes, and
    goes on."""
    page.get_by_role("button", name="Lägg till en nyckel").click()
    expect(page.get_by_role("heading", name="Dina reservkoder")).to_be_visible()
    expect(page.locator(".two-factor__codes li")).to_have_count(10)
    page.get_by_role("link", name="Fortsätt").click()


def test_a_user_adds_a_passkey_and_signs_in_with_it_instead_of_a_code(
    page: Page, demo: dict[str, Any]
) -> None:
    with_virtual_authenticator(page)
    sign_in(page, "direktor")

    page.goto("/logga-in/tva-faktorer/")
    add_a_passkey(page)

    expect(page).to_have_url(re.compile(r"/logga-in/tva-faktorer/$"))
    expect(page.get_by_role("heading", name="Nyckel 1")).to_be_visible()
    assert WebAuthnCredential.objects.filter(user__username="direktor").count() == 1
    assert Event.objects.filter(action="user.passkey_add").count() == 1

    sign_out(page)
    submit_password(page, "direktor")

    expect(page).to_have_url(re.compile(r"/logga-in/kod/"))
    page.get_by_role("button", name="Logga in med din nyckel").click()

    expect(page.get_by_role("heading", name="Mitt arbete")).to_be_visible()
    assert page.url.endswith("/")


def test_a_user_names_a_passkey_and_removes_it_with_the_password(
    page: Page, demo: dict[str, Any]
) -> None:
    with_virtual_authenticator(page)
    sign_in(page, "direktor")
    page.goto("/logga-in/tva-faktorer/")
    add_a_passkey(page)

    passkey = page.get_by_role("region", name="Nyckel 1")
    passkey.get_by_label("Namn").fill("Jobbdatorn")
    passkey.get_by_role("button", name="Byt namn").click()

    expect(page.get_by_text("Nyckeln heter nu Jobbdatorn.")).to_be_visible()
    passkey = page.get_by_role("region", name="Jobbdatorn")
    expect(passkey.get_by_text("inte använd än")).to_be_visible()
    passkey.get_by_label("Ditt lösenord").fill("fel lösenord")
    passkey.get_by_role("button", name="Ta bort nyckeln").click()
    expect(page.get_by_text("Lösenordet stämmer inte.")).to_be_visible()
    assert WebAuthnCredential.objects.filter(user__username="direktor").count() == 1

    passkey = page.get_by_role("region", name="Jobbdatorn")
    passkey.get_by_label("Ditt lösenord").fill(DEMO_PASSWORD)
    passkey.get_by_role("button", name="Ta bort nyckeln").click()

    expect(page.get_by_text("Nyckeln är borttagen.")).to_be_visible()
    expect(page.get_by_role("region", name="Jobbdatorn")).to_have_count(0)
    assert not WebAuthnCredential.objects.filter(user__username="direktor").exists()
    assert Event.objects.filter(action="user.passkey_remove").count() == 1


def test_an_administrators_first_set_up_adds_a_passkey_instead_of_the_app(
    page: Page, demo: dict[str, Any]
) -> None:
    with_virtual_authenticator(page)
    submit_password(page, "admin", path="/logga-in/?next=/admin/")

    expect(page).to_have_url(re.compile(r"/logga-in/tva-faktorer/app/\?next=/admin/"))
    expect(page.get_by_role("heading", name="Eller en nyckel (passkey)")).to_be_visible()
    add_a_passkey(page)

    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#site-name")).to_have_text("Kansli")
    assert WebAuthnCredential.objects.filter(user__username="admin").count() == 1
    assert not TOTPDevice.objects.filter(user__username="admin").exists()

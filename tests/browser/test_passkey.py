"""A passkey instead of the code, in a real browser: Chromium's virtual authenticator (a platform
authenticator that verifies its user) stands in for the fingerprint reader. The director adds a
passkey on the page "Två faktorer", signs out, and signs in again with the password and the
passkey, reaching the start page; the package's scripts run under Kansli's
Content-Security-Policy (the `page` fixture fails the test on any violation)."""

import re
from typing import Any

import pytest
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import Page, expect

from kansli.audit.models import Event
from kansli.demo.services import DEMO_PASSWORD
from tests.browser.signing import sign_in, sign_out

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


def test_a_user_adds_a_passkey_and_signs_in_with_it_instead_of_a_code(
    page: Page, demo: dict[str, Any]
) -> None:
    with_virtual_authenticator(page)
    sign_in(page, "direktor")

    page.goto("/logga-in/tva-faktorer/")
    page.get_by_role("button", name="Lägg till en nyckel").click()

    expect(page.get_by_role("status")).to_have_text("Nyckeln är tillagd.")
    assert WebAuthnCredential.objects.filter(user__username="direktor").count() == 1
    assert Event.objects.filter(action="user.passkey_add").count() == 1
    page.reload()
    expect(page.get_by_text("Nyckel tillagd")).to_be_visible()

    sign_out(page)
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("direktor")
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()

    expect(page).to_have_url(re.compile(r"/logga-in/kod/"))
    page.get_by_role("button", name="Logga in med din nyckel").click()

    expect(page.get_by_role("heading", name="Mitt arbete")).to_be_visible()
    assert page.url.endswith("/")

"""Passkeys (WebAuthn) as a second factor, through django-otp-webauthn: a user adds one on the
page "Två faktorer" and uses it instead of a code after the password
(kansli.accounts.two_factor). Never instead of the password: Kansli turns the package's
passwordless sign-in off.

The relying party is the site as the browser reached it: its host name (checked against
ALLOWED_HOSTS before any view runs) is the passkey's domain, and its own origin the only one a
signature is accepted from. A site reached under two names has two sets of passkeys.
"""

from functools import partial
from typing import Any

from django.http import HttpRequest
from django.http.request import split_domain_port
from django_otp_webauthn.helpers import WebAuthnHelper

from kansli.accounts import two_factor


def relying_party_id(request: HttpRequest) -> str:
    """The passkey's domain: the host the browser reached, without the port
    (OTP_WEBAUTHN_RP_ID_CALLABLE)."""
    return split_domain_port(request.get_host())[0]


class Helper(WebAuthnHelper):
    """django-otp-webauthn's ceremonies (OTP_WEBAUTHN_HELPER_CLASS), for the request's origin
    and with a passkey's registration written to the event log."""

    def get_allowed_origins(self) -> list[str]:
        return [f"{self.request.scheme}://{self.request.get_host()}"]

    def register_complete(self, user: Any, state: dict[str, Any], data: dict[str, Any]) -> Any:
        return two_factor.passkey_add(
            actor=self.request.user, register=partial(super().register_complete, user, state, data)
        )

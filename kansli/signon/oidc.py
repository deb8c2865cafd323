"""OpenID Connect sign-in (mozilla-django-oidc): the authorization code flow with PKCE against
the organisation's identity provider, whose ID token Kansli checks (signature by the provider's
published keys, issuer, audience, expiry, nonce) before `directory.sign_in` says who the user is.

Every refusal is logged with its reason (never a token) and answered with a Swedish page.
"""

import logging
from typing import Any
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from kansli.accounts.models import User
from kansli.signon import directory

logger = logging.getLogger("kansli.signon")

PROVIDER = "oidc"
BACKEND = "kansli.signon.oidc.Backend"
# Seconds of clock difference allowed between Kansli and the provider.
LEEWAY = 30
REQUIRED_CLAIMS = ["iss", "aud", "exp", "iat", "sub"]


def enabled() -> bool:
    """Is OpenID Connect configured (KANSLI_OIDC_CLIENT_ID and the rest, kansli/settings.py)?"""
    return bool(settings.OIDC_RP_CLIENT_ID)


def failed() -> str:
    """What the user reads when the provider's answer cannot be trusted or used."""
    return _(
        "Inloggningen via organisationen kunde inte slutföras. Försök igen; händer det igen, "
        "kontakta Kanslis administratör."
    )


class Backend(OIDCAuthenticationBackend):
    """Signs in the user `directory.sign_in` finds for the claims of a verified ID token.

    Sets `request.signon_refusal` (the Swedish sentence) when it refuses, for the callback's
    page; the reason goes to the log."""

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        if request is None or not enabled():
            return None
        try:
            return super().authenticate(request, **kwargs)
        except directory.Refused as refusal:
            request.signon_refusal = refusal.message  # type: ignore[attr-defined]
        except SuspiciousOperation as error:
            _refuse(request, f"the ID token was refused: {error}")
        except requests.HTTPError as error:
            _refuse(request, _token_error(error.response))
        except requests.RequestException as error:
            _refuse(request, f"the provider could not be reached: {type(error).__name__}")
        return None

    def _verify_jws(self, payload: bytes | str, key: Any) -> dict[str, Any]:
        """The token's claims, checked as mozilla-django-oidc does not: the audience (this
        client), the issuer and that the claims a sign-in rests on are there."""
        try:
            header = jwt.get_unverified_header(payload)
        except jwt.InvalidTokenError as error:
            raise SuspiciousOperation(f"unreadable token: {error}") from None
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(
                f"signed with {header.get('alg')!r}, not {self.OIDC_RP_SIGN_ALGO}"
            )
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.KANSLI_OIDC_ISSUER,
                leeway=LEEWAY,
                options={"require": REQUIRED_CLAIMS},
            )
        except jwt.InvalidTokenError as error:
            raise SuspiciousOperation(f"{type(error).__name__}: {error}") from None

    def get_userinfo(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        """The ID token's claims, with the user info endpoint's added where one is configured
        (Entra ID and ADFS put the groups in the ID token; others only in the user info)."""
        if not self.OIDC_OP_USER_ENDPOINT:
            return payload
        info = super().get_userinfo(access_token, id_token, payload)
        if info.get("sub") != payload["sub"]:
            raise SuspiciousOperation("the user info is about another subject than the ID token")
        return {**info, **payload}

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> User:
        return directory.sign_in(
            self.get_userinfo(access_token, id_token, payload), provider=PROVIDER
        )


def _refuse(request: HttpRequest, reason: str) -> None:
    logger.warning("sign-on refused (%s): %s", PROVIDER, reason)
    request.signon_refusal = failed()  # type: ignore[attr-defined]


def _token_error(response: requests.Response | None) -> str:
    """The token endpoint's refusal for the log: its status and OAuth error code, not its body."""
    if response is None:
        return "the token endpoint refused the code"
    try:
        code = str(response.json().get("error", ""))[:64]
    except ValueError:
        code = ""
    return f"the token endpoint refused the code: HTTP {response.status_code} {code}".strip()


def end_session_url(request: HttpRequest) -> str:
    """Where to send a user signed in through the provider (Kansli's sign-out asks for a
    session of this backend's) when signing out, so that the provider's session ends too;
    empty when there is no such endpoint."""
    endpoint = settings.KANSLI_OIDC_END_SESSION_ENDPOINT
    if not endpoint:
        return ""
    query = {
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
    }
    id_token = request.session.get("oidc_id_token")
    if id_token:
        query["id_token_hint"] = id_token
    return f"{endpoint}?{urlencode(query)}"

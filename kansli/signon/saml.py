"""SAML 2.0 sign-in (djangosaml2 on pysaml2, signatures by Debian's xmlsec1): Kansli is the
service provider of the organisation's identity provider (Entra ID, ADFS, Shibboleth...), whose
signed assertion pysaml2 checks (signature by the certificate in the provider's metadata,
audience, validity, that it answers a request this browser session made and has not answered
before) before `directory.sign_in` says who the user is from its attributes.

Off (every SAML page 404) until the settings KANSLI_SAML_ENTITY_ID, KANSLI_SAML_IDP_METADATA,
KANSLI_SAML_KEY_FILE and KANSLI_SAML_CERT_FILE are given (docs/identity.md, "SAML 2.0"). Every
refusal is logged with its reason (never the assertion's contents) and answered with a
Swedish page.
"""

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

import saml2
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from djangosaml2 import views
from djangosaml2.backends import Saml2Backend
from saml2.config import SPConfig
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

from kansli.accounts.models import User
from kansli.signon import directory
from kansli.signon.oidc import failed
from kansli.signon.refusal import refused

logger = logging.getLogger("kansli.signon")

PROVIDER = "saml"
BACKEND = "kansli.signon.saml.Backend"
# Seconds of clock difference allowed between Kansli and the identity provider.
ACCEPTED_TIME_DIFF = 60


def enabled() -> bool:
    """Is SAML configured (the four KANSLI_SAML_* settings, kansli/settings.py)?"""
    return all(
        (
            settings.KANSLI_SAML_ENTITY_ID,
            settings.KANSLI_SAML_IDP_METADATA,
            settings.KANSLI_SAML_KEY_FILE,
            settings.KANSLI_SAML_CERT_FILE,
        )
    )


def can_sign_out_at_provider(request: HttpRequest) -> bool:
    """Can this browser's sign-out reach the identity provider: is SAML configured, and does
    the browser's SAML session still name the subject the provider signed in (djangosaml2 keeps
    it from the assertion until the sign-out)? Without it, single logout has nothing to ask
    the provider for."""
    subject = views._get_subject_id(request.saml_session)  # type: ignore[attr-defined]
    return enabled() and subject is not None


def sp_config(request: HttpRequest | None = None) -> SPConfig:
    """pysaml2's configuration of Kansli as a service provider (djangosaml2's
    SAML_CONFIG_LOADER): its endpoints at the addresses the request came to."""
    if request is None:
        raise ImproperlyConfigured("Kansli's SAML endpoints are the addresses of the request")
    metadata = settings.KANSLI_SAML_IDP_METADATA
    remote = metadata.startswith(("https://", "http://"))
    return _loaded(
        request.build_absolute_uri(reverse("saml:metadata")).removesuffix("metadata/"),
        settings.KANSLI_SAML_ENTITY_ID,
        metadata,
        # A new file is read again; a URL once for the process's life.
        None if remote else Path(metadata).stat().st_mtime_ns,
        settings.KANSLI_SAML_KEY_FILE,
        settings.KANSLI_SAML_CERT_FILE,
    )


@lru_cache(maxsize=8)
def _loaded(
    base: str, entity_id: str, metadata: str, changed: int | None, key_file: str, cert_file: str
) -> SPConfig:
    remote = changed is None
    config = SPConfig()
    config.load(
        {
            "entityid": entity_id,
            "allow_unknown_attributes": True,  # Entra ID's and ADFS's claims are URIs of their own
            "accepted_time_diff": ACCEPTED_TIME_DIFF,
            "service": {
                "sp": {
                    "name": "Kansli",
                    "endpoints": {
                        "assertion_consumer_service": [(f"{base}acs/", saml2.BINDING_HTTP_POST)],
                        "single_logout_service": [
                            (f"{base}ls/", saml2.BINDING_HTTP_REDIRECT),
                            (f"{base}ls/post/", saml2.BINDING_HTTP_POST),
                        ],
                    },
                    # Only answers to this session's own requests: no unsolicited (IdP-initiated)
                    # assertions, which could be replayed into another browser.
                    "allow_unsolicited": False,
                    "authn_requests_signed": True,
                    "logout_requests_signed": True,
                    "want_assertions_signed": True,
                    "want_response_signed": False,  # Entra ID and ADFS sign the assertion
                    "signing_algorithm": SIG_RSA_SHA256,
                    "digest_algorithm": DIGEST_SHA256,
                }
            },
            "metadata": {"remote": [{"url": metadata}]} if remote else {"local": [metadata]},
            "key_file": key_file,
            "cert_file": cert_file,
            "encryption_keypairs": [{"key_file": key_file, "cert_file": cert_file}],
        }
    )
    return config


class Backend(Saml2Backend):
    """Signs in the user `directory.sign_in` finds for the attributes of a verified assertion
    (each attribute's values, as the provider sent them). Its `directory.Refused` goes up to
    the assertion consumer's page, which shows it."""

    def authenticate(
        self,
        request: HttpRequest | None,
        session_info: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> User | None:
        if request is None or session_info is None or not enabled():
            return None
        return directory.sign_in(session_info["ava"], provider=PROVIDER)


class _WhenConfigured:
    """A page of SAML's, answering 404 while it is not configured."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


@method_decorator(login_not_required, name="dispatch")
class Metadata(_WhenConfigured, views.MetadataView):
    """Kansli's metadata as a service provider, for the identity provider's administrator."""


@method_decorator(login_not_required, name="dispatch")
class SignIn(_WhenConfigured, views.LoginView):
    """Sends the browser to the identity provider with a signed authentication request,
    remembered in this session."""


@method_decorator(login_not_required, name="dispatch")
class AssertionConsumer(_WhenConfigured, views.AssertionConsumerServiceView):
    """The identity provider's answer: the assertion checked, the user signed in."""

    def authenticate_user(self, request: HttpRequest, *args: Any, **kwargs: Any) -> User:
        try:
            return super().authenticate_user(request, *args, **kwargs)
        except directory.Refused as refusal:  # logged by directory.sign_in
            raise PermissionDenied(refusal.message) from refusal

    def handle_acs_failure(
        self,
        request: HttpRequest,
        exception: Exception | None = None,
        status: int = 403,
        **kwargs: Any,
    ) -> HttpResponse:
        if isinstance(exception, PermissionDenied) and isinstance(
            exception.__cause__, directory.Refused
        ):
            return refused(request, exception.__cause__.message)
        logger.warning(
            "sign-on refused (%s): %s: %s", PROVIDER, type(exception).__name__, exception
        )
        return refused(request, failed())


@method_decorator(require_POST, name="dispatch")
class SignOut(_WhenConfigured, views.LogoutInitView):
    """Signs out of Kansli and, through the identity provider, of its other services (a POST,
    as Kansli's own sign-out)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.get(request, *args, **kwargs)


@method_decorator(login_not_required, name="dispatch")
class SignedOut(_WhenConfigured, views.LogoutView):
    """The identity provider's answer to a sign-out, or its request to sign out of Kansli."""

"""The sign-on's pages: OpenID Connect's start and callback (mozilla-django-oidc's views, 404
while it is not configured), and Kansli's sign-out, which signs out of the identity provider
too when the session is the provider's."""

import logging
from typing import Any

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LogoutView
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.utils.decorators import method_decorator
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from kansli.signon import oidc, saml
from kansli.signon.refusal import refused

logger = logging.getLogger("kansli.signon")


class _WhenConfigured:
    """A page of OpenID Connect's, answering 404 while it is not configured."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not oidc.enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


@method_decorator(login_not_required, name="dispatch")
class Authenticate(_WhenConfigured, OIDCAuthenticationRequestView):
    """Sends the browser to the provider, with state, nonce and PKCE's challenge."""


@method_decorator(login_not_required, name="dispatch")
class Callback(_WhenConfigured, OIDCAuthenticationCallbackView):
    """The provider's answer: the code exchanged, the ID token checked, the user signed in."""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            return super().get(request)
        except SuspiciousOperation as error:
            # A state this session did not start, or has used already (a replayed answer).
            logger.warning("sign-on refused (%s): %s", oidc.PROVIDER, error)
            return refused(request, oidc.failed())

    def login_failure(self) -> HttpResponse:
        request = self.request
        message = getattr(request, "signon_refusal", None)
        if message is None:
            logger.warning("sign-on refused (%s): %s", oidc.PROVIDER, _failure_reason(request))
            message = oidc.failed()
        return refused(request, message)


def _failure_reason(request: HttpRequest) -> str:
    if "error" in request.GET:
        return f"the provider answered error={request.GET['error'][:64]!r}"
    if "code" not in request.GET or "state" not in request.GET:
        return "the provider's answer has no code or no state"
    return "no sign-in was started in this browser session"


class SignOut(LogoutView):
    """Django's sign-out ("Logga ut"), which ends the session at the identity provider that
    signed it in too: a SAML session by single logout (djangosaml2's, as a POST to
    /saml2/logout/), an OpenID Connect session at the provider's end session endpoint where
    one is configured. A password session, or a SAML session whose subject the browser no
    longer holds, ends at Kansli only."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        backend = request.session.get(BACKEND_SESSION_KEY)
        if backend == saml.BACKEND and saml.can_sign_out_at_provider(request):
            return saml.SignOut.as_view()(request)
        provider = oidc.end_session_url(request) if backend == oidc.BACKEND else ""
        response = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(provider) if provider else response

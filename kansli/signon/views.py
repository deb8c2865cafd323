"""The sign-on's pages: OpenID Connect's start and callback (mozilla-django-oidc's views, 404
while it is not configured), the refusal page, and signing out of the provider too."""

import logging
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LogoutView
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.utils.decorators import method_decorator
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from kansli.signon import oidc

logger = logging.getLogger("kansli.signon")


def refused(request: HttpRequest, message: str) -> HttpResponse:
    """The Swedish page of a refused sign-on (the reason is in the log, not here)."""
    return render(request, "signon/refused.html", {"message": message}, status=403)


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
    """Django's sign-out; a session of the provider's then ends at the provider too, where it
    has an end session endpoint."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        provider = oidc.end_session_url(request)
        response = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(provider) if provider else response

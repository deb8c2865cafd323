"""Sign-in sessions as a public authority needs them.

`SessionLimitsMiddleware` ends a signed-in session on the server, whatever its cookie says,
after SESSION_IDLE_TIMEOUT without a request and SESSION_MAX_LIFETIME after sign-in: the user
is signed out and sent to the sign-in page with a message saying why. `PrivatePagesMiddleware`
keeps browsers and proxies from storing what a signed-in user, or a client with an API key,
was sent; what the public sees may be cached. `SecondFactorMiddleware` sends a session that owes
its second factor to give it (kansli.accounts.two_factor) before anything else.
"""

import datetime
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import ngettext
from django_htmx.http import HttpResponseClientRedirect

from kansli.accounts import two_factor
from kansli.htmx import HtmxHttpRequest

SIGNED_IN_AT = "kansli_signed_in_at"
SEEN_AT = "kansli_seen_at"
# The time of the last request is written to the session at most once a minute, not on
# every request; the idle timeout is as exact as that.
SEEN_RESOLUTION = 60

Middleware = Callable[[HttpRequest], HttpResponse]


def _expired(session: SessionBase, now: float) -> str | None:
    """Why a signed-in session has ended, in Swedish; None while it lasts."""
    signed_in_at = session.setdefault(SIGNED_IN_AT, now)
    seen_at = session.setdefault(SEEN_AT, now)
    if now - signed_in_at > settings.SESSION_MAX_LIFETIME.total_seconds():
        hours = settings.SESSION_MAX_LIFETIME // datetime.timedelta(hours=1)
        return ngettext(
            "Du har loggats ut eftersom en inloggning varar högst %(hours)d timme. Logga in igen.",
            "Du har loggats ut eftersom en inloggning varar högst %(hours)d timmar. Logga in igen.",
            hours,
        ) % {"hours": hours}
    if now - seen_at > settings.SESSION_IDLE_TIMEOUT.total_seconds():
        minutes = settings.SESSION_IDLE_TIMEOUT // datetime.timedelta(minutes=1)
        return ngettext(
            "Du har loggats ut eftersom du inte har använt Kansli på %(minutes)d minut. "
            "Logga in igen.",
            "Du har loggats ut eftersom du inte har använt Kansli på %(minutes)d minuter. "
            "Logga in igen.",
            minutes,
        ) % {"minutes": minutes}
    if now - seen_at >= SEEN_RESOLUTION:
        session[SEEN_AT] = now
    return None


def _is_api(request: HttpRequest) -> bool:
    """The API answers a client whose session ended as it answers anyone without a key."""
    return request.path.startswith("/api/")


class SessionLimitsMiddleware:
    """After the authentication, message and htmx middleware."""

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HtmxHttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            reason = _expired(request.session, timezone.now().timestamp())
            if reason is not None:
                logout(request)
                if not _is_api(request):
                    return self._to_sign_in(request, reason)
        return self.get_response(request)

    @staticmethod
    def _to_sign_in(request: HtmxHttpRequest, reason: str) -> HttpResponse:
        messages.info(request, reason)
        if request.htmx:
            return HttpResponseClientRedirect(resolve_url(settings.LOGIN_URL))
        return redirect_to_login(request.get_full_path())


# What a session may reach while it owes its second factor: the way in and out (a passkey's
# too), the language.
BEFORE_SECOND_FACTOR = frozenset(
    {
        *two_factor.Step,
        "login",
        "logout",
        "set_language",
        "healthz",
        "readyz",
        "metrics",
        "otp_webauthn:credential-authentication-begin",
        "otp_webauthn:credential-authentication-complete",
        "otp_webauthn:js-i18n-catalog",
    }
)
# And while it must set one up: a passkey's registration, the other way than the app (the
# package refuses it to a session that owes a code from a factor it has).
DURING_SET_UP = frozenset(
    {
        "otp_webauthn:credential-registration-begin",
        "otp_webauthn:credential-registration-complete",
    }
)


class SecondFactorMiddleware:
    """After the session limits: a signed-in session that owes its second factor reaches the
    pages that ask for it and little else; the admin site's pages ask afresh each time. A
    request with an API key is no session's and passes."""

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HtmxHttpRequest, *args: object) -> HttpResponse | None:
        match = request.resolver_match
        if (
            not request.user.is_authenticated
            or "Authorization" in request.headers
            or match is None
            or match.view_name in BEFORE_SECOND_FACTOR
        ):
            return None
        step = two_factor.step_due(request, recheck=match.app_name == "admin")
        if step is None or (step is two_factor.Step.SET_UP and match.view_name in DURING_SET_UP):
            return None
        if request.htmx:
            return HttpResponseClientRedirect(reverse(step))
        return redirect_to_login(request.get_full_path(), login_url=reverse(step))


class PrivatePagesMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in user or an API key."""

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated or "Authorization" in request.headers:
            add_never_cache_headers(response)
        return response

"""The site's shell: signing in and out is open to anyone, and so is the start page, which is
the public portal's list of bodies to the anonymous visitor and "Mitt arbete" to a signed-in
user (its lists are the user's own; test_overview.py). A background task's progress is shown
to the user who started it alone. The error pages are no routes: Django renders them
(403.html, 404.html, 500.html, 403_csrf.html)."""

from typing import Any

from kansli.accounts.models import User
from kansli.tests.refusals import ANONYMOUS, Demo, RouteCase
from kansli.web.models import TaskRun


def _registrars_run(demo: Demo) -> dict[str, Any]:
    run = TaskRun.objects.create(
        user=User.objects.get(username="registrator"), title="Gallring", backend="default"
    )
    return {"run": run.pk}


ROUTES: list[RouteCase] = [
    # A background task's progress is its starter's alone: everyone else gets 404.
    RouteCase("web:task_progress", _registrars_run),
    # The second factor's pages act on the signed-in user's own account and no one else's
    # (kansli.accounts.two_factor): the public is sent to sign in.
    *(
        RouteCase(name, refused=(ANONYMOUS,))
        for name in ("two_factor_verify", "two_factor", "two_factor_setup")
    ),
    *(
        RouteCase(name, data=lambda demo: {"code": "123456"}, refused=(ANONYMOUS,))
        for name in ("two_factor_recovery_codes", "two_factor_remove")
    ),
    # A passkey's ceremonies (django-otp-webauthn) are the signed-in user's own too
    # (kansli/accounts/tests/test_passkeys.py): the public is sent to sign in.
    RouteCase("otp_webauthn:js-i18n-catalog", refused=(ANONYMOUS,)),
    *(
        RouteCase(f"otp_webauthn:credential-{name}", data=lambda demo: {}, refused=(ANONYMOUS,))
        for name in (
            "registration-begin",
            "registration-complete",
            "authentication-begin",
            "authentication-complete",
        )
    ),
]

PUBLIC: dict[str, str] = {
    "login": "the sign-in page: the way in, for anyone",
    "logout": "signing out ends one's own session and nothing else",
    "signon:oidc-authenticate": (
        "single sign-on's start: sends the visitor to the identity provider; 404 while off"
    ),
    "signon:oidc-callback": (
        "the provider's answer: signs in the user the mapping finds, or refuses; no data "
        "(kansli/signon/tests/test_oidc*.py)"
    ),
    "saml:metadata": "Kansli's SAML metadata: entity id, endpoints, certificate; 404 while off",
    "saml:login": "SAML sign-in's start: sends the visitor to the identity provider; 404 while off",
    "saml:acs": (
        "the provider's assertion: signs in the user the mapping finds, or refuses; no data "
        "(kansli/signon/tests/test_saml.py)"
    ),
    "saml:logout": "signing out through the identity provider ends one's own session only",
    "saml:ls": "the provider's answer to a sign-out, or its request for one: one's own session",
    "saml:ls-post": "the same, by POST: one's own session",
    "web:home": (
        "the start page: the public portal's bodies to anyone; a signed-in user's own work "
        "(Mitt arbete) only to that user"
    ),
    "set_language": "the language switch sets the visitor's own cookie and nothing else",
    "healthz": "liveness for the operator's probes: 'ok', no data",
    "readyz": "readiness for the operator's probes: the checks' names and ok/unavailable, no data",
    "metrics": (
        "counts and timings by view name, no content; 404 to anyone but the allowed addresses "
        "or the token's holder (kansli/tests/test_observability_metrics.py)"
    ),
}

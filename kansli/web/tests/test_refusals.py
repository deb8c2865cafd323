"""The site's shell: signing in and out is open to anyone; the overview is for every signed-in
user, so only the anonymous public is sent to sign in (kansli/tests/refusals.py). The error
pages are no routes: Django renders them (403.html, 404.html, 500.html, 403_csrf.html)."""

from kansli.tests.refusals import ANONYMOUS, RouteCase

ROUTES: list[RouteCase] = [
    RouteCase("web:home", refused=(ANONYMOUS,)),
]

PUBLIC: dict[str, str] = {
    "login": "the sign-in page: the way in, for anyone",
    "logout": "signing out ends one's own session and nothing else",
}

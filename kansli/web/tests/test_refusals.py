"""The site's shell: signing in and out is open to anyone, and so is the start page, which is
the public portal's list of bodies to the anonymous visitor and "Mitt arbete" to a signed-in
user (its lists are the user's own; test_overview.py). The error pages are no routes: Django
renders them (403.html, 404.html, 500.html, 403_csrf.html)."""

from kansli.tests.refusals import RouteCase

ROUTES: list[RouteCase] = []

PUBLIC: dict[str, str] = {
    "login": "the sign-in page: the way in, for anyone",
    "logout": "signing out ends one's own session and nothing else",
    "web:home": (
        "the start page: the public portal's bodies to anyone; a signed-in user's own work "
        "(Mitt arbete) only to that user"
    ),
    "set_language": "the language switch sets the visitor's own cookie and nothing else",
}

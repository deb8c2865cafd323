"""The site's shell: signing in and out is open to anyone; the overview is for every signed-in
user, so only the anonymous public is sent to sign in (kansli/tests/refusals.py). The error
pages are no routes: Django renders them (403.html, 404.html, 500.html, 403_csrf.html)."""

import pytest

from kansli.tests.refusals import ANONYMOUS, Demo, RouteCase, check_route, route_params

ROUTES: list[RouteCase] = [
    RouteCase("web:home", refused=(ANONYMOUS,)),
]

PUBLIC: dict[str, str] = {
    "login": "the sign-in page: the way in, for anyone",
    "logout": "signing out ends one's own session and nothing else",
}


@pytest.mark.parametrize(("case", "who"), route_params(ROUTES))
def test_the_wrong_user_is_refused_the_route(case: RouteCase, who: str, demo: Demo) -> None:
    check_route(case, who, demo)

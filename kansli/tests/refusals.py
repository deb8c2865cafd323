"""The wrong user is refused: one check for every write service and every route.

Each app lists its services and routes in `kansli/<app>/tests/test_refusals.py` as
`SERVICES` and `ROUTES`; `kansli/tests/test_policy_coverage.py` runs `check_service` and
`check_route` over all of them, and fails when a public service function, a page or an API
operation is in no such list. The target is always Vänersborg's; the personas are the demo's
users who must not reach it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.audit.models import Event
from kansli.organisation.models import Body

Demo = dict[str, Body]

# Who must not reach Vänersborg's business: another body's registrar, a board member, a case
# officer who is not the officer of the case at hand, an administrator, and the public.
OTHER_BODY = "blekinge-registrator"
LEDAMOT = "ledamot"
HANDLAGGARE = "handlaggare"
ADMINISTRATOR = "admin"
ANONYMOUS = "anonymous"
PERSONAS = (OTHER_BODY, LEDAMOT, HANDLAGGARE, ADMINISTRATOR, ANONYMOUS)
# Staff of another body, the public: refused even what every signed-in user of the body reads.
OUTSIDERS = (OTHER_BODY, ANONYMOUS)


@dataclass(frozen=True)
class ServiceCase:
    """A write service, the keyword arguments (all but the actor) that would make it write in
    Vänersborg, and who must be refused."""

    service: Callable[..., Any]
    arguments: Callable[[Demo], dict[str, Any]]
    refused: tuple[str, ...] = PERSONAS

    @property
    def name(self) -> str:
        return f"{self.service.__module__}.{self.service.__name__}"


@dataclass(frozen=True)
class RouteCase:
    """A page (by URL name, "registry:case") or an API operation (by method and path as the
    OpenAPI description names it, "POST /api/v1/bodies/{body}/cases"), the URL arguments of
    a Vänersborg target, what to post, and who must be refused."""

    route: str
    kwargs: Callable[[Demo], dict[str, Any]] = lambda demo: {}
    data: Callable[[Demo], dict[str, Any]] | None = None
    refused: tuple[str, ...] = PERSONAS

    @property
    def is_api(self) -> bool:
        return " " in self.route

    @property
    def method(self) -> str:
        if self.is_api:
            return self.route.split(" ", 1)[0].lower()
        return "post" if self.data is not None else "get"

    def url(self, demo: Demo) -> str:
        kwargs = self.kwargs(demo)
        if not self.is_api:
            return reverse(self.route, kwargs=kwargs)
        path = self.route.split(" ", 1)[1]
        return re.sub(r"\{(\w+)\}", lambda match: str(kwargs[match.group(1)]), path)


def persona(username: str) -> User | AnonymousUser:
    if username == ANONYMOUS:
        return AnonymousUser()
    return User.objects.get(username=username)


def service_params(cases: list[ServiceCase]) -> list[Any]:
    return [pytest.param(case, id=case.service.__name__) for case in cases]


def route_params(cases: list[RouteCase]) -> list[Any]:
    return [pytest.param(case, id=case.route) for case in cases]


def check_service(case: ServiceCase, demo: Demo) -> None:
    """Each persona the case names is refused with a Swedish PermissionDenied, and nothing is
    written. The arguments are made once: a refusal writes nothing, so they serve them all."""
    arguments = case.arguments(demo)
    for who in case.refused:
        events = Event.objects.count()
        try:
            case.service(actor=persona(who), **arguments)
        except PermissionDenied as refusal:
            assert str(refusal), f"{case.name} refuses {who} without a reason"
        else:
            pytest.fail(f"{case.name} let {who} through")
        assert Event.objects.count() == events, f"{case.name} wrote before refusing {who}"


REFUSED_STATUS = {302, 401, 403, 404}


def check_route(case: RouteCase, demo: Demo) -> None:
    """Each persona the case names is refused (sent to sign in, 401, 403 or 404), and nothing
    is written."""
    url = case.url(demo)
    data = case.data(demo) if case.data is not None else None  # may make the rows it posts
    for who in case.refused:
        response = _request(case, who, url, data)
        assert response.status_code in REFUSED_STATUS, (
            f"{case.route} gave {who} {response.status_code}"
        )
        if response.status_code == 302:
            assert who == ANONYMOUS and "/logga-in/" in response["Location"], (
                f"{case.route} sent {who} to {response['Location']}"
            )


def _request(case: RouteCase, who: str, url: str, data: dict[str, Any] | None) -> HttpResponse:
    """The persona's request, signed in (or with an API key of its own); nothing may be
    written by it."""
    client = Client()
    headers: dict[str, str] = {}
    if who != ANONYMOUS:
        user = persona(who)
        if case.is_api:
            _, key = token_create(actor=None, user=user, name="refusal")
            headers["Authorization"] = f"Bearer {key}"
        else:
            client.force_login(user)
    for value in (data or {}).values():
        if hasattr(value, "seek"):
            value.seek(0)  # an uploaded file, read by the persona before
    events = Event.objects.count()
    if case.is_api and data is not None:
        response = getattr(client, case.method)(
            url, data, content_type="application/json", headers=headers
        )
    else:
        response = getattr(client, case.method)(url, data, headers=headers)
    assert Event.objects.count() == events, f"{case.route} wrote for {who}"
    return response

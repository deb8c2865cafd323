"""Fixtures of the decision register's tests: the demo bodies, the directors who sign in, and
the question Vänersborg's instruction answers in 5.2.3 (an organisational change in another
department, after the approval of PFU)."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.decisions.models import Decision
from kansli.decisions.services import decision_record
from kansli.organisation.models import Body, Organization, Position

OTHER_DEPARTMENT = "barn-och-utbildningsforvaltningen"


def organization(body: Body, slug: str) -> Organization:
    return Organization.objects.get(body=body, slug=slug)


def position(body: Body, slug: str) -> Position:
    return Position.objects.get(body=body, slug=slug)


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


@pytest.fixture
def blekinge(demo: dict[str, Body]) -> Body:
    return demo["blekinge"]


@pytest.fixture
def director(vanersborg: Body) -> User:
    """Vänersborg's kommundirektör, Katarina Holmgren, as the demo user "direktor"."""
    return User.objects.select_related("person").get(username="direktor")


@pytest.fixture
def secretary(vanersborg: Body) -> User:
    """Vänersborg's nämndsekreterare, who reports the delegated decisions to the board."""
    return User.objects.select_related("person").get(username="sekreterare")


@pytest.fixture
def reorganise(director: User, vanersborg: Body, today: datetime.date) -> Callable[..., Decision]:
    """The director records an organisational change in the barn- och
    utbildningsförvaltningen; keyword arguments change what is recorded."""

    def record(**changes: Any) -> Decision:
        arguments = {
            "actor": director,
            "body": vanersborg,
            "decision_type": "organisationsforandring",
            "decided_by": director.person,
            "capacity": position(vanersborg, "kommundirektor"),
            "concerning": organization(vanersborg, OTHER_DEPARTMENT),
            "amount": None,
            "decided_on": today,
            "title": "Ny enhetsindelning inom barn- och utbildningsförvaltningen",
            "text": "Förskoleenheterna slås samman till två enheter.",
            "case_reference": "KS 2025/118",
        }
        return decision_record(**(arguments | changes))

    return record


def api_client_of(user: User) -> Client:
    """An API client bearing a fresh key of the user."""
    _token, key = token_create(actor=None, user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})

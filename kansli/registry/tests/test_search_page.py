"""The search page finds documents by inflected forms and marks the match in the snippet."""

import datetime

from django.test import Client

from kansli.accounts.models import User
from kansli.organisation.models import Body, Organization
from kansli.registry import services as registry
from kansli.registry.models import Document


def test_searching_beslut_finds_beslutet(client: Client, demo: dict[str, Body]) -> None:
    board = Organization.objects.get(body__slug="vanersborg", slug="ks")
    case = registry.case_open(actor=None, organization=board, title="Budget 2027")
    registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=datetime.date(2026, 3, 2),
        description="Förslag till beslutet om <budget>",
    )
    client.force_login(User.objects.get(username="handlaggare"))

    page = client.get("/vanersborg/diarium/sok/", {"q": "beslut"}).content.decode()

    assert "1 träff" in page
    assert "<mark>beslutet</mark>" in page
    assert "&lt;budget&gt;" in page

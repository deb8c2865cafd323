"""The public's start pages (`/` and a body's portal) are rendered once and kept for every
anonymous visitor: a kept page costs a query or two, a new record shows at the next request,
and a signed-in user's page, which names them, is neither served from nor kept for the public.
Each visitor's page carries a CSRF token of their own."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kansli.organisation.models import Body, Organization
from kansli.registry import services as registry
from kansli.registry.models import Document

PORTAL = "/vanersborg/"


def register_letter(board: Organization, description: str) -> Document:
    case = registry.case_open(actor=None, organization=board, title="Ny cykelbana i centrum")
    return registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart="Cykelföreningen",
        description=description,
    )


def fetched(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("url", ["/", PORTAL])
def test_the_public_gets_the_kept_page_without_rendering_it_again(
    board: Organization, url: str
) -> None:
    first = Client().get(url)

    again = Client().get(url)

    assert first.templates
    assert not again.templates
    assert "Vänersborgs kommun" in again.content.decode()


def test_a_kept_portal_costs_a_query_or_two(board: Organization) -> None:
    _page, rendered = fetched(Client(), PORTAL)

    _page, kept = fetched(Client(), PORTAL)

    assert kept <= 2 < rendered


def test_a_new_record_shows_at_the_next_request(board: Organization) -> None:
    register_letter(board, "Förslag om cykelbana längs älven")
    fetched(Client(), PORTAL)

    register_letter(board, "Synpunkter på busshållplatsen")

    page, _queries = fetched(Client(), PORTAL)
    assert "Synpunkter på busshållplatsen" in page


def test_staff_are_never_served_the_publics_page(board: Organization, staff: Client) -> None:
    fetched(Client(), PORTAL)
    fetched(Client(), "/")

    portal, _queries = fetched(staff, PORTAL)
    home, _queries = fetched(staff, "/")

    assert "Siri Stab" in portal
    assert "Mitt arbete" in home


def test_the_public_never_gets_a_page_rendered_for_staff(
    board: Organization, staff: Client
) -> None:
    fetched(staff, PORTAL)
    fetched(staff, "/")

    for url in (PORTAL, "/"):
        page, _queries = fetched(Client(), url)
        assert "Siri Stab" not in page
        assert "Inloggad som" not in page
        assert "Mitt arbete" not in page


def test_each_visitor_switches_language_with_a_token_of_their_own(body: Body) -> None:
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    tokens = []
    for visitor in visitors:
        page, _queries = fetched(visitor, PORTAL)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert found is not None
        tokens.append(found.group(1))

    assert tokens[0] != tokens[1]
    for visitor, token in zip(visitors, tokens, strict=True):
        switched = visitor.post(
            "/i18n/setlang/", {"language": "en", "next": PORTAL, "csrfmiddlewaretoken": token}
        )
        assert switched.status_code == 302
        page, _queries = fetched(visitor, PORTAL)
        assert 'lang="en"' in page

"""The registry's API lists page by a cursor in the database (issue 16, item 7): the postlista
and the records requests a page at a time, the next page's address in the Link header, a
changed cursor refused in Swedish, and the postlista's period bounded."""

import datetime
import re
from collections.abc import Callable

from django.test import Client

from kansli.accounts.models import Role, User
from kansli.registry import services
from kansli.registry.models import Case, Document, PublicRecordsRequest

BASE = "/api/v1/bodies/vanersborg"


def register(case: Case, description: str) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=datetime.date(2026, 1, 20),
        description=description,
    )


def next_url(response: object) -> str | None:
    link = response.headers.get("Link")  # type: ignore[attr-defined]
    return re.fullmatch(r'<(.+)>; rel="next"', link).group(1) if link else None  # type: ignore[union-attr]


def all_pages(client: Client, url: str) -> list[list[dict]]:
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        pages.append(response.json())
        url = next_url(response)
    return pages


def test_the_postlista_pages_in_registration_order_each_document_once(
    case: Case, secret_letter: Document, other_registrar: User, api_client: Callable
) -> None:
    for number in range(4):
        register(case, f"Skrivelse {number}")

    pages = all_pages(api_client(other_registrar), f"{BASE}/registry/list?page_size=2")

    assert [len(page) for page in pages] == [2, 2, 1]
    rows = [row for page in pages for row in page]
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    assert [row["description"] for row in rows[1:]] == [f"Skrivelse {n}" for n in range(4)]
    # Another body's registrar is the public: the secret letter is on its page, masked.
    assert rows[0]["id"] == secret_letter.pk
    assert rows[0]["description_masked"] is True
    assert "elev" not in rows[0]["description"]
    assert rows[0]["files"] == []


def test_a_changed_cursor_is_refused_in_swedish(
    case: Case, other_registrar: User, api_client: Callable
) -> None:
    for number in range(3):
        register(case, f"Skrivelse {number}")
    client = api_client(other_registrar)
    cursor = next_url(client.get(f"{BASE}/registry/list?page_size=1")).split("cursor=")[1]

    changed = client.get(f"{BASE}/registry/list", {"cursor": cursor[:-2] + "xx"})
    elsewhere = client.get(f"{BASE}/meetings", {"cursor": cursor})

    for response in (changed, elsewhere):
        assert response.status_code == 422
        assert response.json()["fields"] == {
            "cursor": ["Markören är inte giltig; använd adressen i next som den är."]
        }


def test_a_page_larger_than_the_bound_is_refused(
    other_registrar: User, api_client: Callable
) -> None:
    response = api_client(other_registrar).get(f"{BASE}/registry/list", {"page_size": 201})

    assert response.status_code == 422
    assert response.json()["fields"] == {"page_size": ["Ange ett värde som är högst 200."]}


def test_the_postlista_spans_at_most_31_days_a_request(
    other_registrar: User, api_client: Callable
) -> None:
    client = api_client(other_registrar)

    month = client.get(f"{BASE}/registry/list", {"start": "2026-01-01", "end": "2026-01-31"})
    longer = client.get(f"{BASE}/registry/list", {"start": "2026-01-01", "end": "2026-02-01"})
    backwards = client.get(f"{BASE}/registry/list", {"start": "2026-02-01", "end": "2026-01-01"})

    assert month.status_code == 200
    assert longer.status_code == backwards.status_code == 422
    assert longer.json()["fields"] == {"end": ["Postlistan visar högst 31 dagar åt gången."]}
    assert backwards.json()["fields"] == {"end": ["Slutdagen kan inte vara före startdagen."]}


def test_records_requests_page_oldest_first_and_only_for_the_bodys_handlers(
    case: Case,
    staff: Callable[..., User],
    other_registrar: User,
    api_client: Callable,
) -> None:
    registrar = staff("rita", Role.REGISTRAR)
    for number in range(3):
        services.records_request_register(
            actor=registrar,
            body=case.organization.body,
            subject=f"Begäran {number}",
            requester="Journalist",
            requester_contact="",
            documents=[],
            channel=PublicRecordsRequest.Channel.EMAIL,
        )

    pages = all_pages(api_client(registrar), f"{BASE}/records-requests?page_size=2")
    refused = api_client(other_registrar).get(f"{BASE}/records-requests")

    assert [[row["subject"] for row in page] for page in pages] == [
        ["Begäran 0", "Begäran 1"],
        ["Begäran 2"],
    ]
    assert refused.status_code == 403
    assert "Begäran" not in refused.content.decode()

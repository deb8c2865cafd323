"""A system follows the registry through the API: the lists of cases and documents in the
order they last changed, from `changed_since` on, a page at a time by a cursor in `next`
(issue 14, item 4)."""

import datetime
from collections.abc import Callable

import time_machine
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.registry import services
from kansli.registry.models import Case, Document

BASE = "/api/v1/bodies/vanersborg/registry"


def register(case: Case, description: str) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=datetime.date(2026, 1, 20),
        description=description,
    )


def test_documents_are_paged_in_the_order_they_changed(
    case: Case, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        for number in range(5):
            register(case, f"Skrivelse {number}")
            traveller.shift(datetime.timedelta(seconds=1))
    client = api_client(staff("dan", Role.DIRECTOR))

    pages, url = [], f"{BASE}/documents?page_size=2"
    while url:
        page = client.get(url).json()
        pages.append([item["description"] for item in page["items"]])
        url = page["next"]

    assert pages == [
        ["Skrivelse 0", "Skrivelse 1"],
        ["Skrivelse 2", "Skrivelse 3"],
        ["Skrivelse 4"],
    ]


def test_changed_since_leaves_out_what_did_not_change(
    case: Case, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        register(case, "Gammal skrivelse")
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        register(case, "Ny skrivelse")
        services.case_close(actor=None, case=case)
    client = api_client(staff("dan", Role.DIRECTOR))
    since = (start + datetime.timedelta(minutes=30)).isoformat()

    documents = client.get(f"{BASE}/documents", {"changed_since": since}).json()
    cases = client.get(f"{BASE}/cases", {"changed_since": since}).json()
    later = client.get(
        f"{BASE}/cases", {"changed_since": (start + datetime.timedelta(hours=2)).isoformat()}
    ).json()

    assert [item["description"] for item in documents["items"]] == ["Ny skrivelse"]
    assert [(item["number"], item["status"]) for item in cases["items"]] == [
        (case.number, "closed")
    ]
    assert later == {"items": [], "next": None}


def test_a_broken_cursor_or_time_is_refused_in_swedish(
    case: Case, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    client = api_client(staff("dan", Role.DIRECTOR))

    cursor = client.get(f"{BASE}/documents", {"cursor": "inte-en-markör"})
    since = client.get(f"{BASE}/cases", {"changed_since": "i förrgår"})

    assert cursor.status_code == since.status_code == 422
    assert cursor.json()["fields"] == {
        "cursor": ["Markören är inte giltig; använd adressen i next som den är."]
    }
    assert since.json()["fields"] == {
        "changed_since": ["Ange en giltig tidpunkt i formen ÅÅÅÅ-MM-DDTHH:MM."]
    }


def test_another_bodys_staff_and_the_public_read_no_list(
    case: Case, other_registrar: User, api_client: Callable[[User], Client]
) -> None:
    register(case, "Skrivelse")

    assert api_client(other_registrar).get(f"{BASE}/documents").status_code == 403
    assert Client().get(f"{BASE}/documents").status_code == 401

"""The API's search reads its hits' files in one query (issue 16, item 7: 28 queries a page, one
per hit): a page of 20 hits costs the queries a page of 5 does."""

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes, upload

URL = "/api/v1/bodies/vanersborg/registry/search"


def searched(client: Client) -> tuple[int, dict]:
    """The queries of a search once what a first request caches is cached, and its answer."""
    client.get(URL, {"q": "budget"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"q": "budget"})
    assert response.status_code == 200
    return len(queries), response.json()


def register_letters(register: Callable[..., Document], case: Case, count: int) -> None:
    for number in range(count):
        register(
            case,
            f"Yttrande om budgeten {number}",
            files=[upload(f"yttrande-{number}.pdf", pdf_bytes(f"Yttrande {number}"))],
        )


def test_a_page_of_20_hits_costs_the_queries_of_a_page_of_5(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    _token, key = token_create(actor=None, user=officer, name="test")
    client = Client(headers={"authorization": f"Bearer {key}"})
    register_letters(register, case, 5)
    five, small = searched(client)
    register_letters(register, case, 15)
    twenty, full = searched(client)

    assert len(small["hits"]) == 5
    assert len(full["hits"]) == 20
    assert all(len(hit["document"]["files"]) == 1 for hit in full["hits"])
    assert twenty == five

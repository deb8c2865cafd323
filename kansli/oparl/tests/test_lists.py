"""OParl's external lists: pages of at most 100 chained by `links.next` with a `pagination`
object, the created/modified filters kept from page to page, a bad filter refused, and a page
read in a fixed number of queries however long it is."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from kansli.oparl.tests.conftest import OParlWorld
from kansli.organisation.models import Body

pytestmark = pytest.mark.django_db

MEMBERSHIPS = "/oparl/v1/body/vanersborg/memberships/"


def _pages(client: Client, url: str) -> list[dict[str, Any]]:
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        pages.append(response.json())
        url = pages[-1]["links"].get("next")
    return pages


def test_a_long_list_is_paged_by_links_next(client: Client, demo: dict[str, Body]) -> None:
    pages = _pages(client, MEMBERSHIPS)
    ids = [row["id"] for page in pages for row in page["data"]]

    assert len(pages) > 2
    assert len(ids) == len(set(ids)) == pages[0]["pagination"]["totalElements"]
    assert all(len(page["data"]) == 100 for page in pages[:-1])
    assert [page["pagination"]["currentPage"] for page in pages] == list(range(1, len(pages) + 1))
    assert "next" not in pages[-1]["links"]
    assert pages[-1]["links"]["prev"] == pages[-2]["links"]["self"]
    assert pages[0]["links"]["last"] == pages[-1]["links"]["self"]


def test_the_client_may_ask_for_smaller_pages_but_never_larger(
    client: Client, demo: dict[str, Body]
) -> None:
    small = client.get(MEMBERSHIPS, {"elementsPerPage": 7}).json()
    large = client.get(MEMBERSHIPS, {"elementsPerPage": 5000}).json()

    assert len(small["data"]) == 7
    assert "elementsPerPage=7" in small["links"]["next"]
    assert len(large["data"]) == large["pagination"]["elementsPerPage"] == 100


def test_the_filters_narrow_the_list_and_are_kept_on_every_page(
    client: Client, demo: dict[str, Body]
) -> None:
    everything = client.get(MEMBERSHIPS).json()
    newest = max(row["modified"] for page in _pages(client, MEMBERSHIPS) for row in page["data"])
    future = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    past = "2001-01-01T00:00:00+01:00"

    assert client.get(MEMBERSHIPS, {"created_since": future}).json()["data"] == []
    assert client.get(MEMBERSHIPS, {"modified_since": future}).json()["data"] == []
    assert client.get(MEMBERSHIPS, {"created_until": past}).json()["data"] == []
    assert client.get(MEMBERSHIPS, {"modified_until": past}).json()["data"] == []
    since = client.get(MEMBERSHIPS, {"modified_since": newest}).json()
    assert 1 <= since["pagination"]["totalElements"] < everything["pagination"]["totalElements"]
    assert all(row["modified"] >= newest for row in since["data"])
    kept = client.get(MEMBERSHIPS, {"created_since": past}).json()
    assert "created_since=2001-01-01T00%3A00%3A00%2B01%3A00" in kept["links"]["next"]


def test_a_filter_that_is_no_date_time_is_refused(client: Client, demo: dict[str, Body]) -> None:
    response = client.get(MEMBERSHIPS, {"modified_since": "igår"})

    assert response.status_code == 400
    assert "modified_since" in response.json()["message"]
    assert client.get(MEMBERSHIPS, {"page": "0"}).status_code == 400


SEGMENTS = (
    "organizations",
    "persons",
    "memberships",
    "meetings",
    "agenda-items",
    "consultations",
    "papers",
    "files",
    "locations",
    "legislative-terms",
)


def test_a_page_is_read_in_a_fixed_number_of_queries(
    client: Client, world: OParlWorld, django_assert_max_num_queries: Any
) -> None:
    """Every list's page is read in at most ten queries however many rows it holds (100
    memberships, 76 persons, every meeting with its items, votes and files): no query per
    row. One test for every list, as the planted world is costly to build."""
    for segment in SEGMENTS:
        with django_assert_max_num_queries(10, info=segment):
            full = client.get(f"/oparl/v1/body/vanersborg/{segment}/").json()
        assert full["data"], segment

"""Hits are counted and ranked up to `COUNTED`; beyond it the count reads "more than" and the
newest hits come first."""

from collections.abc import Callable

import pytest
from django.test import Client

from kansli.accounts.models import User
from kansli.registry.models import Case, Document
from kansli.search.selectors import search
from kansli.search.tests.test_api_search import client_of

DESCRIPTIONS = (
    "Yttrande om detaljplanen",
    "Yttrande om bygglov, detaljplanen för hamnen bifogas",
    "Yttrande, detaljplan",
)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("kansli.search.selectors.COUNTED", 2)
    return 2


def test_hits_up_to_the_count_are_counted_exactly_and_ranked(
    case: Case, officer: User, register: Callable[..., Document], counted: int
) -> None:
    best = register(case, DESCRIPTIONS[0])
    newer = register(case, DESCRIPTIONS[1])

    results = search(user=officer, query="yttrande detaljplan")

    assert (results.total, results.capped) == (2, False)
    assert [hit.view.document for hit in results.hits] == [best, newer]


def test_more_hits_than_the_count_are_shown_newest_first(
    case: Case, officer: User, register: Callable[..., Document], counted: int
) -> None:
    documents = [register(case, description) for description in DESCRIPTIONS]

    first = search(user=officer, query="yttrande detaljplan", per_page=2)
    second = search(user=officer, query="yttrande detaljplan", per_page=2, page=2)

    assert (first.total, first.capped, first.pages) == (2, True, 1)
    assert [hit.view.document for hit in first.hits] == documents[:0:-1]
    assert [hit.view.document for hit in second.hits] == documents[:1]


def test_the_search_page_says_more_than_the_count(
    client: Client, case: Case, officer: User, register: Callable[..., Document], counted: int
) -> None:
    for description in DESCRIPTIONS:
        register(case, description)
    client.force_login(officer)

    page = client.get("/vanersborg/diarium/sok/", {"q": "yttrande detaljplan"}).content.decode()

    assert "Fler än 2 träffar" in page
    assert "De nyaste visas först." in page


def test_the_api_says_the_count_is_capped(
    case: Case, officer: User, register: Callable[..., Document], counted: int
) -> None:
    for description in DESCRIPTIONS:
        register(case, description)

    found = client_of(officer).get(
        "/api/v1/bodies/vanersborg/registry/search", {"q": "yttrande detaljplan"}
    )

    assert (found.json()["total"], found.json()["capped"]) == (2, True)

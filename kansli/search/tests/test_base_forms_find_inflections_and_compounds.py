"""A word in its base form finds its inflected forms and the compounds it is part of, through
the Swedish dictionary (issue 14's failing searches), on PostgreSQL and on SQLite alike."""

import datetime
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from kansli.accounts.models import User
from kansli.organisation.models import Organization
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.search import swedish
from kansli.search.models import SearchEntry
from kansli.search.selectors import search


@pytest.fixture(autouse=True)
def _dictionary() -> None:
    if swedish.dictionary() is None:
        pytest.fail("The Swedish dictionary is missing: apt-get install hunspell-sv (make test)")


TODAY = datetime.date(2026, 1, 12)


def numbers(user: User, query: str) -> set[str]:
    return {hit.view.document.number for hit in search(user=user, query=query).hits}


def test_revisor_finds_revisorerna(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    found = register(case, "Skrivelse från revisorerna om granskningen")
    register(case, "Remiss om budget")

    assert numbers(officer, "revisor") == {found.number}
    assert numbers(officer, "revisorerna") == {found.number}


def test_laddplats_finds_laddplatser(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    found = register(case, "Ansökan om nya laddplatser vid kommunhuset")
    other = register(case, "Avtal om en laddplats i parkeringshuset")

    assert numbers(officer, "laddplats") == {found.number, other.number}
    assert numbers(officer, "laddplatser") == {found.number, other.number}


def test_direktor_finds_kommundirektorsinstruktion(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    # The case's title is "Revidering av kommundirektörsinstruktion".
    found = register(case, "Förslag till beslut")

    assert numbers(officer, "direktör") == {found.number}
    assert numbers(officer, "instruktionen") == {found.number}


def test_a_compound_in_the_query_finds_its_parts_apart(
    board: Organization, officer: User, register: Callable[..., Document]
) -> None:
    other = registry.case_open(
        actor=None, organization=board, title="Ledningens dokument", opened_on=TODAY
    )
    apart = register(other, "Instruktionen för kommunens direktör")
    register(other, "Kommunens direktör om budgeten")

    assert numbers(officer, "direktörsinstruktionen") == {apart.number}
    assert numbers(officer, "direktörsanteckning") == set()


def test_the_compound_is_marked_in_the_snippet(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    register(case, "Nya laddplatser")

    (hit,) = search(user=officer, query="laddplats").hits

    assert "<mark>laddplatser</mark>" in hit.snippet


def test_the_dictionary_is_read_once_into_a_cached_table(tmp_path: Path) -> None:
    first = swedish.load(cache_dir=tmp_path)
    second = swedish.load(cache_dir=tmp_path)

    assert first is not None and second is not None
    assert list(tmp_path.iterdir()) == [tmp_path / "sv_SE.pickle"]
    assert second.roots_of("revisorerna") == ["revisor"]
    assert second.parts("kommundirektörsinstruktion") == ["kommun", "direktör", "instruktion"]


def test_reindex_makes_the_terms_again(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    found = register(case, "Nya laddplatser")
    SearchEntry.objects.update(vector=None, open_vector=None)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
    assert numbers(officer, "laddplats") == set()

    call_command("reindex", stdout=StringIO())

    assert numbers(officer, "laddplats") == {found.number}

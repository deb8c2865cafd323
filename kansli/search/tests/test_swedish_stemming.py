"""A search for a word finds its inflected forms, on PostgreSQL and on SQLite alike."""

from collections.abc import Callable

from kansli.accounts.models import User
from kansli.registry.models import Case, Document
from kansli.search.selectors import search


def descriptions(results: object) -> set[str]:
    return {hit.view.description for hit in results.hits}


def test_beslut_finds_beslutet_and_besluten(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    register(case, "Beslutet om ny instruktion")
    register(case, "Besluten från nämnden")
    register(case, "Remissvar om budget")

    results = search(user=officer, query="beslut")

    assert descriptions(results) == {"Beslutet om ny instruktion", "Besluten från nämnden"}
    assert results.total == 2


def test_two_words_must_both_be_found(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    register(case, "Nämndernas yttranden över budgeten")
    register(case, "Yttrande om översiktsplanen")

    results = search(user=officer, query="yttrandet budget")

    assert descriptions(results) == {"Nämndernas yttranden över budgeten"}


def test_the_match_is_marked_in_the_snippet(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    register(case, "Förslag till beslutet om instruktionen")

    (hit,) = search(user=officer, query="beslut").hits

    assert "<mark>beslutet</mark>" in hit.snippet


def test_a_query_without_words_finds_nothing(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    register(case, "Beslutet om ny instruktion")

    assert search(user=officer, query="  ,; ").hits == []

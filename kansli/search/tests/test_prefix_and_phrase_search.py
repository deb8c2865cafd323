"""`laddpl*` finds the words that begin so; a phrase in quotes finds its words one after the
other, stop words aside, on PostgreSQL and on SQLite alike."""

from collections.abc import Callable

from kansli.accounts.models import User
from kansli.registry.models import Case, Document
from kansli.search.selectors import search


def numbers(user: User, query: str) -> set[str]:
    return {hit.view.document.number for hit in search(user=user, query=query).hits}


def test_a_prefix_finds_every_word_that_begins_so(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    plural = register(case, "Nya laddplatser vid skolan")
    single = register(case, "En laddplats i garaget")
    register(case, "Laddning av fordon")

    assert numbers(officer, "laddpl*") == {plural.number, single.number}
    assert numbers(officer, "laddplatser*") == {plural.number}
    assert numbers(officer, "laddplatsen*") == set()
    assert numbers(officer, "laddpl* skol*") == {plural.number}


def test_the_prefix_is_marked_in_the_snippet(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    register(case, "Nya laddplatser")

    (hit,) = search(user=officer, query="laddpl*").hits

    assert "<mark>laddplatser</mark>" in hit.snippet


def test_a_phrase_finds_its_words_in_order(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    together = register(case, "Yttrande över budgeten för nämnden")
    register(case, "Budgeten och ett yttrande")

    assert numbers(officer, '"yttrande över budget"') == {together.number}
    assert numbers(officer, '"yttrandet budgeten"') == {together.number}
    assert len(numbers(officer, "yttrande budget")) == 2


def test_a_phrase_and_a_word_must_both_match(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    found = register(case, "Yttrande över budgeten från revisorerna")
    register(case, "Yttrande över budgeten")

    assert numbers(officer, '"yttrande över budgeten" revisor') == {found.number}


def test_an_unclosed_quote_is_a_phrase_to_the_end(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    found = register(case, "Yttrande över budgeten")

    assert numbers(officer, '"yttrande budget') == {found.number}
    assert numbers(officer, '"budget yttrande') == set()


def test_typographic_quotes_make_a_phrase_too(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    together = register(case, "Yttrande över budgeten")
    register(case, "Budgeten och ett yttrande")

    assert numbers(officer, "”yttrande över budgeten”") == {together.number}
    assert numbers(officer, "„yttrande budget“") == {together.number}

"""A secret document is found only by what the searcher may see of it: its hidden sender,
description and file text neither match nor show in a snippet for anyone without the right."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser

from kansli.accounts.models import User
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.search.selectors import SearchFilters, search

SECRET = {
    "secrecy_reference": "OSL 26 kap. 1 §",
    "secrecy_reason": "Uppgifter om enskildas hälsa",
    "counterpart": "Anna Andersson",
    "counterpart_masked": True,
    "description_masked": True,
}


@pytest.fixture
def secret(case: Case, register: Callable[..., Document]) -> Document:
    return register(
        case,
        "Läkarintyg om sjukskrivning",
        files=[upload("intyg.pdf", pdf_bytes("Diagnos: utbrandhet efter omorganisationen"))],
        **SECRET,
    )


def test_hidden_description_finds_nothing_for_a_colleague(
    secret: Document, colleague: User
) -> None:
    assert search(user=colleague, query="läkarintyg").hits == []
    assert search(user=colleague, query="Andersson").hits == []


def test_hidden_file_text_finds_nothing_for_a_colleague(secret: Document, colleague: User) -> None:
    assert search(user=colleague, query="utbrandhet").hits == []


def test_the_open_case_title_finds_it_with_a_masked_snippet(
    secret: Document, colleague: User
) -> None:
    (hit,) = search(user=colleague, query="kommundirektörsinstruktion").hits

    assert hit.view.description == "[Sekretess enligt OSL 26 kap. 1 §]"
    for hidden in ("Läkarintyg", "Andersson", "utbrandhet"):
        assert hidden not in hit.snippet


def test_the_case_officer_finds_it_by_its_file_text(secret: Document, officer: User) -> None:
    (hit,) = search(user=officer, query="utbrandhet").hits

    assert hit.view.document == secret
    assert "<mark>utbrandhet</mark>" in hit.snippet


def test_staff_of_another_body_find_no_file_text(
    case: Case, register: Callable[..., Document], outsider: User
) -> None:
    register(
        case,
        "Skrivelse om parkering",
        files=[upload("skrivelse.pdf", pdf_bytes("Parkeringsavgifterna höjs"))],
    )

    assert search(user=outsider, query="parkeringsavgifterna").hits == []
    (hit,) = search(user=outsider, query="parkering").hits
    assert "Parkeringsavgifterna" not in hit.snippet


def test_markup_in_a_description_is_escaped(
    case: Case, register: Callable[..., Document], officer: User
) -> None:
    register(case, "<script>alert(1)</script> beslutet")

    (hit,) = search(user=officer, query="beslut").hits

    assert "&lt;script&gt;" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "<mark>beslutet</mark>" in hit.snippet


@pytest.mark.parametrize(
    "query", ["läkarint*", "sjukskr*", '"läkarintyg om sjukskrivning"', "intyg"]
)
def test_prefixes_phrases_and_parts_find_no_hidden_text(
    secret: Document, colleague: User, outsider: User, officer: User, query: str
) -> None:
    for user in (colleague, outsider, AnonymousUser()):
        assert search(user=user, query=query).hits == []
    assert [hit.view.document for hit in search(user=officer, query=query).hits] == [secret]


def test_the_secret_filter_shows_what_the_user_may_see(
    secret: Document, case: Case, register: Callable[..., Document], colleague: User
) -> None:
    public = register(case, "Yttrande om instruktionen")
    title = "kommundirektörsinstruktion"

    secrets = search(user=colleague, query=title, filters=SearchFilters(secret=True)).hits
    public_hits = search(user=colleague, query=title, filters=SearchFilters(secret=False)).hits

    assert [hit.view.document for hit in secrets] == [secret]
    assert "Läkarintyg" not in secrets[0].snippet
    assert [hit.view.document for hit in public_hits] == [public]
    assert search(user=colleague, query="läkarintyg", filters=SearchFilters(secret=True)).hits == []

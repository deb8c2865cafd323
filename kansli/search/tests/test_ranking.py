"""A hit in the registry entry (title, sender, description) ranks above a hit only in a file."""

from collections.abc import Callable

from kansli.accounts.models import User
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.search.selectors import search


def test_the_description_outranks_the_file_text(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    in_description = register(case, "Yttrande om detaljplanen")
    in_file = register(
        case, "Skrivelse", files=[upload("bilaga.pdf", pdf_bytes("Ny detaljplan for hamnen"))]
    )

    hits = search(user=officer, query="detaljplan").hits

    assert [hit.view.document for hit in hits] == [in_description, in_file]

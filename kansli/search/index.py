"""Keeping the search index up to date with the registry.

The registry calls `index_document` in the transaction that registers a document or attaches
a file, and `index_case` when a case's title or secrecy changes. The index is derived data,
like a file's extracted text, and is not written to the event log.
"""

from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from kansli.registry.models import Case, Document
from kansli.registry.visibility import document_view
from kansli.search.backends import backend
from kansli.search.models import SearchEntry
from kansli.search.text import clean


def _join(*parts: str) -> str:
    return clean("\n".join(part for part in parts if part))


def entry_texts(document: Document) -> tuple[str, str, bool]:
    """(all searchable text, the text shown to those who cannot see through secrecy, whether
    the two may differ). What is shown is what the visibility function shows the public."""
    case = document.case
    files = document.files.order_by("id").values_list("extracted_text", flat=True)
    text = _join(case.title, document.counterpart, document.description, *files)
    public = document_view(AnonymousUser(), document)
    open_text = _join(
        "" if public.case.title_masked else case.title,
        "" if public.counterpart_masked else document.counterpart,
        "" if public.description_masked else document.description,
    )
    return text, open_text, document.is_secret or case.is_secret


@transaction.atomic
def index_document(document: Document) -> None:
    """Build (or rebuild) the document's search entry."""
    text, open_text, restricted = entry_texts(document)
    entry = SearchEntry(
        document=document,
        body_id=document.case.organization.body_id,
        text=text,
        open_text=open_text,
        restricted=restricted,
    )
    backend().save([entry])


def index_case(case: Case) -> None:
    """Rebuild the entries of every document in the case (its title or secrecy changed)."""
    documents = Document.objects.filter(case=case).select_related("case__organization")
    for document in documents:
        index_document(document)

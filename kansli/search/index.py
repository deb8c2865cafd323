"""Keeping the search index up to date with the registry.

The registry calls `index_documents` in the transaction that registers documents or attaches
a file, and `index_case` when a case's title or secrecy changes. The index is derived data,
like a file's extracted text, and is not written to the event log.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence

from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from kansli.registry.models import Case, Document, File, NumberSeries
from kansli.registry.visibility import document_view
from kansli.search.backends import backend
from kansli.search.models import SearchEntry
from kansli.search.text import clean


def _join(*parts: str) -> str:
    return clean("\n".join(part for part in parts if part))


def entry_texts(document: Document, files: Sequence[str] = ()) -> tuple[str, str, bool]:
    """(all searchable text, the text shown to those who cannot see through secrecy, whether
    the two may differ), given the text of the document's files. What is shown is what the
    visibility function shows the public."""
    case = document.case
    text = _join(case.title, document.counterpart, document.description, *files)
    public = document_view(AnonymousUser(), document)
    open_text = _join(
        "" if public.case.title_masked else case.title,
        "" if public.counterpart_masked else document.counterpart,
        "" if public.description_masked else document.description,
    )
    return text, open_text, document.is_secret or case.is_secret


@transaction.atomic(savepoint=False)
def index_documents(
    documents: Sequence[Document], files: dict[int, list[str]] | None = None
) -> None:
    """Build (or rebuild) the documents' search entries, in one write. The documents' cases
    and their organizations should be loaded. `files` holds the text of each document's files
    by document id, in the order they were added, when the caller has it (a registration
    does); it is read from the database otherwise."""
    if files is None:
        files = defaultdict(list)
        texts = File.objects.filter(document__in=documents).order_by("id")
        for document_id, text in texts.values_list("document_id", "extracted_text"):
            files[document_id].append(text)
    series = {document.case.series_id for document in documents}
    years = dict(NumberSeries.objects.filter(pk__in=series).values_list("pk", "year"))
    entries = []
    for document in documents:
        text, open_text, restricted = entry_texts(document, files.get(document.pk, []))
        entries.append(
            SearchEntry(
                document=document,
                body_id=document.case.organization.body_id,
                organization_id=document.case.organization_id,
                year=years[document.case.series_id],
                date=document.date,
                direction=document.direction,
                classification=document.classification,
                text=text,
                open_text=open_text,
                restricted=restricted,
            )
        )
    backend().save(entries)


def index_case(case: Case) -> None:
    """Rebuild the entries of every document in the case (its title or secrecy changed)."""
    index_documents(list(Document.objects.filter(case=case).select_related("case__organization")))


# Entries made again in one transaction by `reindex`.
REINDEX_BATCH = 2_000


def reindex(
    *, body_id: int | None = None, report: Callable[[int, int], None] = lambda done, total: None
) -> int:
    """Make the index terms of the body's entries (every body's if none) again from the text
    they hold, a batch per transaction, reporting (done, total) after each; how many."""
    entries = SearchEntry.objects.order_by("pk")
    if body_id is not None:
        entries = entries.filter(body_id=body_id)
    total = entries.count()
    done, last = 0, 0
    while batch := list(entries.filter(pk__gt=last)[:REINDEX_BATCH]):
        with transaction.atomic():
            backend().save(batch)
        done, last = done + len(batch), batch[-1].pk
        report(done, total)
    return done

"""Searching the registry: one interface, `search`, whatever engine answers.

A document is found by what the user may see of it, never by more. Everyone may search the
open text (what the public registry list shows). The rest, files' text and what secrecy
masks, is searched only where the user sees it: in the user's own body, every document that is
not under secrecy; beyond that, the secret documents whose view (the registry's one
visibility function) shows the user everything. Every hit shown is put through that function
again, and its snippet is cut from the text the user may see, so a secret text never reaches
a snippet by way of a faulty query.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Window
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kansli.organisation.models import Body, Organization
from kansli.registry.models import Document
from kansli.registry.selectors import documents_with_case
from kansli.registry.visibility import DocumentView, User, document_view, documents_in_full
from kansli.search.backends import backend
from kansli.search.models import SearchEntry
from kansli.search.text import START, STOP, query_stems, snippet


@dataclass(frozen=True)
class SearchFilters:
    body: Body | None = None
    organization: Organization | None = None
    year: int | None = None  # the case's year (of its number)
    classification: str = ""  # "1.2" takes in "1.2.3" as well
    status: str = ""  # the case's status
    date_from: datetime.date | None = None  # the document's date
    date_to: datetime.date | None = None
    direction: str = ""


@dataclass(frozen=True)
class Hit:
    view: DocumentView
    snippet: SafeString


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 20

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def snippet_html(marked: str) -> SafeString:
    """A snippet with its matches in <mark>, everything else escaped."""
    escaped = escape(marked)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def _snippets(query: str, fields: dict[int, str]) -> dict[int, SafeString]:
    """The snippet of each entry, cut from its text or its open text as `fields` says."""
    wanted = set(query_stems(query))
    rows = SearchEntry.objects.filter(pk__in=fields).values_list("pk", "text", "open_text")
    return {
        pk: snippet_html(snippet(text if fields[pk] == "text" else open_text, wanted))
        for pk, text, open_text in rows
    }


def _filtered(filters: SearchFilters) -> QuerySet[SearchEntry]:
    entries = SearchEntry.objects.all()
    if filters.body is not None:
        entries = entries.filter(body=filters.body)
    if filters.organization is not None:
        entries = entries.filter(document__case__organization=filters.organization)
    if filters.year is not None:
        entries = entries.filter(document__case__series__year=filters.year)
    if filters.classification:
        code = filters.classification
        entries = entries.filter(
            Q(document__classification=code) | Q(document__classification__startswith=f"{code}.")
        )
    if filters.status:
        entries = entries.filter(document__case__status=filters.status)
    if filters.date_from is not None:
        entries = entries.filter(document__date__gte=filters.date_from)
    if filters.date_to is not None:
        entries = entries.filter(document__date__lte=filters.date_to)
    if filters.direction:
        entries = entries.filter(document__direction=filters.direction)
    return entries


def _staff_scope(user: User) -> Q | None:
    """The entries of the bodies whose staff the user is (all, for a superuser); None if the
    user is staff of none. Only a pre-selection: every hit is checked by `document_view`."""
    if not user.is_authenticated:
        return None
    if user.is_active and user.is_superuser:
        return Q()
    person = user.person
    return Q(body_id=person.body_id) if person is not None else None


def _views(user: User, pks: list[int]) -> dict[int, DocumentView]:
    documents = documents_with_case(Document.objects.filter(pk__in=pks))
    return {document.pk: document_view(user, document) for document in documents}


def _secrets_seen(user: User, entries: QuerySet[SearchEntry], query: str) -> QuerySet:
    """Secret documents that match only in hidden text, and whose hidden text the user sees,
    as a subquery: the visibility function's rule put as a filter (`documents_in_full`)."""
    engine = backend()
    return (
        entries.filter(engine.matches(query, open_only=False), restricted=True)
        .exclude(engine.matches(query, open_only=True))
        .filter(documents_in_full(user, prefix="document__"))
        .values("pk")
    )


def search(
    *,
    user: User,
    query: str,
    filters: SearchFilters | None = None,
    page: int = 1,
    per_page: int = 20,
) -> SearchResults:
    """The documents that match the query (Swedish, stemmed: "beslut" finds "beslutet" and
    "besluten"), the most relevant first, as the user may see them, with snippets."""
    query = query.strip()
    page = max(1, page)
    if not query_stems(query):
        return SearchResults(query=query, page=page, per_page=per_page)
    engine = backend()
    entries = _filtered(filters or SearchFilters())
    everything = Q(pk__in=[])
    scope = _staff_scope(user)
    if scope is not None:
        everything = (scope & Q(restricted=False)) | Q(
            pk__in=_secrets_seen(user, entries.filter(scope), query)
        )
    # The open text is part of the full text, so every hit matches the full text: the index
    # of the full text finds the candidates, and the rest only narrows them.
    visible = entries.filter(engine.matches(query, open_only=False)).filter(
        everything | engine.matches(query, open_only=True)
    )
    ranked = visible.annotate(rank=engine.rank(query)).order_by("-rank", "-pk")
    offset = (page - 1) * per_page
    # The number of hits comes with the page, from the same scan of the matches.
    rows = list(
        ranked.annotate(total=Window(Count("pk"))).values_list("pk", "total")[
            offset : offset + per_page
        ]
    )
    pks = [pk for pk, _total in rows]
    total = rows[0][1] if rows else visible.count()
    views = _views(user, pks)
    fields = {pk: "text" if views[pk].in_full else "open_text" for pk in pks}
    shown_open = set(
        entries.filter(pk__in=[pk for pk, name in fields.items() if name == "open_text"])
        .filter(engine.matches(query, open_only=True))
        .values_list("pk", flat=True)
    )
    # A hit the user may not see in full must match in what the user sees.
    pks = [pk for pk in pks if fields[pk] == "text" or pk in shown_open]
    snippets = _snippets(query, {pk: fields[pk] for pk in pks})
    hits = [Hit(view=views[pk], snippet=snippets[pk]) for pk in pks]
    return SearchResults(query=query, hits=hits, total=total, page=page, per_page=per_page)

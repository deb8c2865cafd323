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

from django.db import connection
from django.db.models import Expression, F, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kansli.accounts.policy import standing
from kansli.organisation.models import Body, Organization
from kansli.registry.models import Document
from kansli.registry.selectors import documents_with_case
from kansli.registry.visibility import DocumentView, User, document_view, documents_in_full
from kansli.search.backends import backend
from kansli.search.models import SearchEntry
from kansli.search.text import START, STOP, Query, parse, snippet

# Hits are counted and ranked up to this many. A query that matches more (a common pair of
# words in a registry of a million documents) has "more than 1 000" hits, shown newest first:
# ranking or counting every one of its matches would read each of them from the table, which is
# what made such a search slow (docs/benchmarks.md). At 10 000, a common pair narrowed by organ
# or classification read 40,000-58,000 table blocks (0.9-1.5 s at 1,000,000 documents); at
# 1 000 it reads a tenth of that. A searcher who gets more than a thousand hits narrows the
# search with a filter or another word rather than reads the thousandth by relevance.
COUNTED = 1_000


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
    # Only secret documents (True) or only open ones (False). A document's secrecy marking is
    # shown to everyone who may read the registry (OSL 5 kap 2 §), so the filter reveals no
    # more than the hits' own entries do.
    secret: bool | None = None


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
    # More hits than `total` (which is then COUNTED); they are shown newest first, not ranked.
    capped: bool = False

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


def _snippets(query: Query, fields: dict[int, str]) -> dict[int, SafeString]:
    """The snippet of each entry, cut from its text or its open text as `fields` says."""
    rows = SearchEntry.objects.filter(pk__in=fields).values_list("pk", "text", "open_text")
    return {
        pk: snippet_html(snippet(text if fields[pk] == "text" else open_text, query))
        for pk, text, open_text in rows
    }


def _filtered(filters: SearchFilters) -> QuerySet[SearchEntry]:
    """The entries the filters leave, by the entry's own copies of the document's fields (in
    the same index as the text on PostgreSQL); the case's status, which changes, by the case."""
    entries = SearchEntry.objects.all()
    if filters.body is not None:
        entries = entries.filter(body=filters.body)
    if filters.organization is not None:
        entries = entries.filter(organization=filters.organization)
    if filters.year is not None:
        entries = entries.filter(year=filters.year)
    if filters.classification:
        code = filters.classification
        entries = entries.filter(Q(classification=code) | Q(classification__startswith=f"{code}."))
    if filters.status:
        entries = entries.filter(document__case__status=filters.status)
    if filters.date_from is not None:
        entries = entries.filter(date__gte=filters.date_from)
    if filters.date_to is not None:
        entries = entries.filter(date__lte=filters.date_to)
    if filters.direction:
        entries = entries.filter(direction=filters.direction)
    if filters.secret is not None:
        entries = entries.filter(restricted=filters.secret)
    return entries


def _staff_scope(user: User) -> Q | None:
    """The entries of the bodies whose staff the user is (all, for a superuser); None if the
    user is staff of none. Only a pre-selection: every hit is checked by `document_view`."""
    own = standing(user)
    if own.operator:
        return Q()
    return Q(body_id=own.body_id) if own.body_id is not None else None


def _views(user: User, pks: list[int]) -> dict[int, DocumentView]:
    """The hits as the user may see them, with their files (the API lists them) in one query."""
    documents = documents_with_case(Document.objects.filter(pk__in=pks)).prefetch_related("files")
    return {document.pk: document_view(user, document) for document in documents}


def _secrets_seen(user: User, entries: QuerySet[SearchEntry], query: Query) -> QuerySet:
    """Secret documents that match only in hidden text, and whose hidden text the user sees,
    as a subquery: the visibility function's rule put as a filter (`documents_in_full`)."""
    engine = backend()
    return (
        entries.filter(engine.matches(query, open_only=False), restricted=True)
        .exclude(engine.matches(query, open_only=True))
        .filter(documents_in_full(user, prefix="document__"))
        .values("pk")
    )


def _ranked_page(
    visible: QuerySet[SearchEntry], rank: Expression, *, offset: int, limit: int
) -> tuple[list[int], int]:
    """A page of the matches, the most relevant first, and their number: both from one scan of
    at most COUNTED + 1 matches, so a number above COUNTED means "more than COUNTED"."""
    matches = visible.annotate(hit=F("pk"), rank=rank).values_list("hit", "rank")
    sql, params = matches[: COUNTED + 1].query.sql_with_params()
    hit, relevance = connection.ops.quote_name("hit"), connection.ops.quote_name("rank")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {hit}, COUNT(*) OVER () FROM ({sql}) AS matches "  # noqa: S608
            f"ORDER BY {relevance} DESC, {hit} DESC LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        rows = cursor.fetchall()
    total = rows[0][1] if rows else visible.values("pk")[: COUNTED + 1].count()
    return [pk for pk, _total in rows], total


def search(
    *,
    user: User,
    query: str,
    filters: SearchFilters | None = None,
    page: int = 1,
    per_page: int = 20,
) -> SearchResults:
    """The documents that match the query (Swedish, by base forms and compounds' parts:
    "beslut" finds "beslutet" and "besluten", "direktör" finds "kommundirektörsinstruktion";
    `laddpl*` a prefix, `"…"` a phrase; see `kansli.search.text`), the most relevant first (the
    newest first when more than COUNTED match), as the user may see them, with snippets."""
    text = query.strip()
    page = max(1, page)
    parsed = parse(text)
    if not parsed:
        return SearchResults(query=text, page=page, per_page=per_page)
    engine = backend()
    entries = _filtered(filters or SearchFilters())
    everything = Q(pk__in=[])
    scope = _staff_scope(user)
    if scope is not None:
        everything = (scope & Q(restricted=False)) | Q(
            pk__in=_secrets_seen(user, entries.filter(scope), parsed)
        )
    # The open text is part of the full text, so every hit matches the full text: the index
    # of the full text finds the candidates, and the rest only narrows them.
    visible = entries.filter(engine.matches(parsed, open_only=False)).filter(
        everything | engine.matches(parsed, open_only=True)
    )
    offset = (page - 1) * per_page
    pks, total = _ranked_page(visible, engine.rank(parsed), offset=offset, limit=per_page)
    capped = total > COUNTED
    if capped:
        total = COUNTED
        newest = visible.order_by("-pk").values_list("pk", flat=True)
        pks = list(newest[offset : offset + per_page])
    views = _views(user, pks)
    fields = {pk: "text" if views[pk].in_full else "open_text" for pk in pks}
    shown_open = set(
        entries.filter(pk__in=[pk for pk, name in fields.items() if name == "open_text"])
        .filter(engine.matches(parsed, open_only=True))
        .values_list("pk", flat=True)
    )
    # A hit the user may not see in full must match in what the user sees.
    pks = [pk for pk in pks if fields[pk] == "text" or pk in shown_open]
    snippets = _snippets(parsed, {pk: fields[pk] for pk in pks})
    hits = [Hit(view=views[pk], snippet=snippets[pk]) for pk in pks]
    return SearchResults(
        query=text, hits=hits, total=total, page=page, per_page=per_page, capped=capped
    )

"""The full-text engines behind `kansli.search.selectors.search`, one per database.

A backend stores an entry's texts in its index, says which entries match a query (in all their
text, or only in the open text) and ranks them. Both index the terms of `kansli.search.text`
(base forms' Snowball stems, compounds' parts): PostgreSQL as stored tsvectors under a GIN
index, through `django.contrib.postgres.search` (the `simple` configuration, since the terms
are made already); SQLite in an FTS5 table. Another engine (OpenSearch, Solr) can take their
place by implementing the same three methods.
"""

from typing import Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Expression, F, FloatField, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from kansli.search.models import SearchEntry
from kansli.search.text import Phrase, Prefix, Query, Word, analysed

# The terms are made in Python; PostgreSQL only stores them.
CONFIG = "simple"

# PostgreSQL's index of the full text, with the filters' columns (btree_gin), so that one scan
# finds the matches of a word already narrowed by body, organ, year and direction. Not the
# date: a range of dates in a GIN index is a scan of every date in it, which made a search
# narrowed by a year's range slower than filtering the fetched rows (migration 0006).
VECTOR_INDEX = "search_entry_vector"
VECTOR_INDEX_SQL = (
    f"CREATE INDEX {VECTOR_INDEX} ON search_searchentry USING gin "
    "(vector, body_id, organization_id, year, direction)"
)

UPDATED = [
    "body",
    "organization",
    "year",
    "date",
    "direction",
    "classification",
    "text",
    "open_text",
    "restricted",
    "vector",
    "open_vector",
]


def _upsert(entries: list[SearchEntry]) -> None:
    SearchEntry.objects.bulk_create(
        entries,
        batch_size=2_000,
        update_conflicts=True,
        unique_fields=["document"],
        update_fields=UPDATED,
    )


def tsvector(text: str) -> str:
    """The text form of the tsvector of the text's terms: each term with the positions of the
    words that give it, a word's terms sharing its position (so that a phrase finds a
    compound by any of its parts), ready to be stored without asking the database to parse
    the text again."""
    positions: dict[str, list[int]] = {}
    for position, terms in enumerate(analysed(text), 1):
        for term in terms:
            positions.setdefault(term, []).append(position)
    return " ".join(f"'{t}':{','.join(map(str, p))}" for t, p in positions.items())


def fts_columns(text: str) -> tuple[str, str]:
    """The two FTS5 columns of a text: each word's first term (its base form), one a word in
    order, for phrases; and the other terms (own stems, compounds' parts)."""
    analysis = analysed(text)
    return (
        " ".join(terms[0] for terms in analysis),
        " ".join(term for terms in analysis for term in terms[1:]),
    )


class Backend(Protocol):
    def save(self, entries: list[SearchEntry]) -> None:
        """Write the entries, new or rebuilt, and their index."""
        ...

    def matches(self, query: Query, *, open_only: bool) -> Q: ...

    def rank(self, query: Query) -> Expression:
        """Relevance by the open text (the registry entry: case title, sender or recipient,
        description), higher first; a hit only in hidden text or files ranks lowest."""
        ...


def _tsquery(part: Word | Prefix | Phrase) -> str:
    if isinstance(part, Word):
        return (
            "("
            + " | ".join(
                "(" + " & ".join(f"'{t}'" for t in terms) + ")" for terms in part.alternatives
            )
            + ")"
        )
    if isinstance(part, Prefix):
        return f"'{part.text}':*"
    return "(" + " <-> ".join(f"'{t}'" for t in part.terms) + ")"


class PostgresBackend:
    @staticmethod
    def _query(query: Query) -> SearchQuery:
        raw = " & ".join(map(_tsquery, query.parts))
        return SearchQuery(raw, config=CONFIG, search_type="raw")

    def save(self, entries: list[SearchEntry]) -> None:
        for entry in entries:
            entry.vector = tsvector(entry.text)
            entry.open_vector = tsvector(entry.open_text)
        _upsert(entries)

    def matches(self, query: Query, *, open_only: bool) -> Q:
        field = "open_vector" if open_only else "vector"
        return Q(**{field: self._query(query)})

    def rank(self, query: Query) -> Expression:
        # The open vector is short and kept in the row; the full one may not be, and reading it
        # for every match would cost more than the search itself.
        return SearchRank(F("open_vector"), self._query(query))


def _fts(part: Word | Prefix | Phrase, words: str, terms: str) -> str:
    """One part of a query as an FTS5 expression: `words` the column of base forms in order,
    `terms` the column of the other terms."""
    if isinstance(part, Word):
        alternatives = " OR ".join(
            "(" + " AND ".join(f'"{t}"' for t in terms_) + ")" for terms_ in part.alternatives
        )
        return f"({{{words} {terms}}} : ({alternatives}))"
    if isinstance(part, Prefix):
        return f'({{{words} {terms}}} : "{part.text}"*)'
    return f'({words} : "{" ".join(part.terms)}")'


class SqliteBackend:
    TABLE = "search_fts"

    @staticmethod
    def _match(query: Query, *, open_only: bool) -> str:
        words, terms = ("open_stems", "open_terms") if open_only else ("stems", "terms")
        return " AND ".join(_fts(part, words, terms) for part in query.parts)

    def save(self, entries: list[SearchEntry]) -> None:
        _upsert(entries)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {self.TABLE} WHERE rowid = %s",  # noqa: S608
                [(entry.pk,) for entry in entries],
            )
            cursor.executemany(
                f"INSERT INTO {self.TABLE} (rowid, stems, terms, open_stems, open_terms) "  # noqa: S608
                "VALUES (%s, %s, %s, %s, %s)",
                [(e.pk, *fts_columns(e.text), *fts_columns(e.open_text)) for e in entries],
            )

    def matches(self, query: Query, *, open_only: bool) -> Q:
        sql = f"SELECT rowid FROM {self.TABLE} WHERE {self.TABLE} MATCH %s"  # noqa: S608
        match = self._match(query, open_only=open_only)
        return Q(document_id__in=RawSQL(sql, [match]))  # noqa: S611

    def rank(self, query: Query) -> Expression:
        # bm25() is lower for better matches; negated, a higher rank is better, as on PostgreSQL.
        sql = (
            f"SELECT -bm25({self.TABLE}) FROM {self.TABLE} WHERE {self.TABLE} MATCH %s "  # noqa: S608
            f"AND rowid = {SearchEntry._meta.db_table}.document_id"
        )
        bm25 = RawSQL(sql, [self._match(query, open_only=True)], output_field=FloatField())  # noqa: S611
        return Coalesce(bm25, Value(0.0))


def backend() -> Backend:
    """The engine for the database in use."""
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()

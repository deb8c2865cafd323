"""The full-text engines behind `kansli.search.selectors.search`, one per database.

A backend stores an entry's texts in its index, says which entries match a query (in all their
text, or only in the open text) and ranks them. Both index the Snowball Swedish stems of
`kansli.search.text`: PostgreSQL as stored tsvectors under GIN indexes, through
`django.contrib.postgres.search` (the `simple` configuration, since the words are stemmed
already); SQLite in an FTS5 table. Another engine (OpenSearch, Solr) can take their place by
implementing the same three methods.
"""

from typing import Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Expression, F, FloatField, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from kansli.search.models import SearchEntry
from kansli.search.text import query_stems, stemmed, stems

# The stems are made in Python; PostgreSQL only lower-cases and stores them.
CONFIG = "simple"


UPDATED = ["body", "text", "open_text", "restricted", "vector", "open_vector"]


def _upsert(entries: list[SearchEntry]) -> None:
    SearchEntry.objects.bulk_create(
        entries,
        batch_size=2_000,
        update_conflicts=True,
        unique_fields=["document"],
        update_fields=UPDATED,
    )


def tsvector(words: list[str]) -> str:
    """The text form of `to_tsvector('simple', ' '.join(words))`: each word with its
    positions, ready to be stored without asking the database to parse the text again."""
    positions: dict[str, list[int]] = {}
    for position, word in enumerate(words, 1):
        positions.setdefault(word, []).append(position)
    return " ".join(f"'{w}':{','.join(map(str, p))}" for w, p in positions.items())


class Backend(Protocol):
    def save(self, entries: list[SearchEntry]) -> None:
        """Write the entries, new or rebuilt, and their index."""
        ...

    def matches(self, query: str, *, open_only: bool) -> Q: ...

    def rank(self, query: str) -> Expression:
        """Relevance by the open text (the registry entry: case title, sender or recipient,
        description), higher first; a hit only in hidden text or files ranks lowest."""
        ...


class PostgresBackend:
    @staticmethod
    def _query(query: str) -> SearchQuery:
        lexemes = " & ".join(f"'{stem}'" for stem in query_stems(query))
        return SearchQuery(lexemes, config=CONFIG, search_type="raw")

    def save(self, entries: list[SearchEntry]) -> None:
        for entry in entries:
            entry.vector = tsvector(stems(entry.text))
            entry.open_vector = tsvector(stems(entry.open_text))
        _upsert(entries)

    def matches(self, query: str, *, open_only: bool) -> Q:
        field = "open_vector" if open_only else "vector"
        return Q(**{field: self._query(query)})

    def rank(self, query: str) -> Expression:
        # The open vector is short and kept in the row; the full one may not be, and reading it
        # for every match would cost more than the search itself.
        return SearchRank(F("open_vector"), self._query(query))


class SqliteBackend:
    TABLE = "search_fts"

    @staticmethod
    def _match(query: str, *, open_only: bool) -> str:
        column = "open_stems" if open_only else "stems"
        terms = " AND ".join(f'"{stem}"' for stem in query_stems(query))
        return f"{column} : ({terms})"

    def save(self, entries: list[SearchEntry]) -> None:
        _upsert(entries)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {self.TABLE} WHERE rowid = %s",  # noqa: S608
                [(entry.pk,) for entry in entries],
            )
            cursor.executemany(
                f"INSERT INTO {self.TABLE} (rowid, stems, open_stems) VALUES (%s, %s, %s)",  # noqa: S608
                [(e.pk, stemmed(e.text), stemmed(e.open_text)) for e in entries],
            )

    def matches(self, query: str, *, open_only: bool) -> Q:
        sql = f"SELECT rowid FROM {self.TABLE} WHERE {self.TABLE} MATCH %s"  # noqa: S608
        match = self._match(query, open_only=open_only)
        return Q(document_id__in=RawSQL(sql, [match]))  # noqa: S611

    def rank(self, query: str) -> Expression:
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

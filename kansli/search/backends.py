"""The full-text engines behind `kansli.search.selectors.search`, one per database.

A backend stores an entry's texts in its index, says which entries match a query (in all their
text, or only in the open text) and ranks them. Both index the Snowball Swedish stems of
`kansli.search.text`: PostgreSQL as stored tsvectors under GIN indexes, through
`django.contrib.postgres.search` (the `simple` configuration, since the words are stemmed
already); SQLite in an FTS5 table. Another engine (OpenSearch, Solr) can take their place by
implementing the same three methods.
"""

from typing import Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Expression, F, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from kansli.search.models import SearchEntry
from kansli.search.text import query_stems, stemmed

# The stems are made in Python; PostgreSQL only lower-cases and stores them.
CONFIG = "simple"


class Backend(Protocol):
    def store(self, pk: int, text: str, open_text: str) -> None: ...

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

    def store(self, pk: int, text: str, open_text: str) -> None:
        SearchEntry.objects.filter(pk=pk).update(
            vector=SearchVector(Value(stemmed(text)), config=CONFIG),
            open_vector=SearchVector(Value(stemmed(open_text)), config=CONFIG),
        )

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

    def store(self, pk: int, text: str, open_text: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.TABLE} WHERE rowid = %s", [pk])  # noqa: S608
            cursor.execute(
                f"INSERT INTO {self.TABLE} (rowid, stems, open_stems) VALUES (%s, %s, %s)",  # noqa: S608
                [pk, stemmed(text), stemmed(open_text)],
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
        return Coalesce(RawSQL(sql, [self._match(query, open_only=True)]), Value(0.0))  # noqa: S611


def backend() -> Backend:
    """The engine for the database in use."""
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()

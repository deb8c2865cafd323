"""The search's filters kept in the search entry, and the index rebuilt with the terms of
`kansli.search.text` (base forms, compounds' parts).

PostgreSQL: the GIN index over the full text's tsvector takes in the filter columns too
(btree_gin), so that a common word narrowed by organ, year, date or direction is narrowed in
the one index scan, before any row is fetched. SQLite: the FTS5 table gets a column for the
terms beyond each word's base form. Both are filled from the text the entries hold already.
"""

import django.db.models.deletion
from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

from kansli.search.backends import VECTOR_INDEX_SQL, fts_columns, tsvector

BATCH = 2_000
FILTERS = ("organization_id", "year", "date", "direction", "classification")
OLD_INDEX = "CREATE INDEX search_entry_vector ON search_searchentry USING gin (vector)"
FTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "stems, terms, open_stems, open_terms, tokenize = 'unicode61 remove_diacritics 0')"
)
OLD_FTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "stems, open_stems, tokenize = 'unicode61 remove_diacritics 0')"
)


def _batches(entries):
    rows = entries.order_by("pk").values_list("pk", "text", "open_text")
    last = 0
    while batch := list(rows.filter(pk__gt=last)[:BATCH]):
        yield batch
        last = batch[-1][0]


def forward(apps, schema_editor):
    entry_model = apps.get_model("search", "SearchEntry")
    document_model = apps.get_model("registry", "Document")
    document = document_model.objects.filter(pk=OuterRef("pk"))
    sources = ("case__organization_id", "case__series__year", "date", "direction", "classification")
    entry_model.objects.update(
        **{
            column: Subquery(document.values(source)[:1])
            for column, source in zip(FILTERS, sources, strict=True)
        }
    )
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS search_entry_vector")
            for batch in _batches(entry_model.objects.all()):
                cursor.executemany(
                    "UPDATE search_searchentry SET vector = %s::tsvector, "
                    "open_vector = %s::tsvector WHERE document_id = %s",
                    [(tsvector(text), tsvector(open_text), pk) for pk, text, open_text in batch],
                )
            cursor.execute(VECTOR_INDEX_SQL)
        elif vendor == "sqlite":
            cursor.execute("DROP TABLE search_fts")
            cursor.execute(FTS)
            for batch in _batches(entry_model.objects.all()):
                cursor.executemany(
                    "INSERT INTO search_fts (rowid, stems, terms, open_stems, open_terms) "
                    "VALUES (%s, %s, %s, %s, %s)",
                    [(pk, *fts_columns(text), *fts_columns(open_text)) for pk, text, open_text in batch],
                )


def backward(apps, schema_editor):
    # The old index's stems are not made any more: the index is left empty of them, and
    # rebuilt by registering (or re-indexing) the documents again.
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS search_entry_vector")
            cursor.execute(OLD_INDEX)
        elif vendor == "sqlite":
            cursor.execute("DROP TABLE search_fts")
            cursor.execute(OLD_FTS)


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0004_position_heads_organization"),
        ("registry", "0002_document_counterpart_is_private_person"),
        ("search", "0003_restricted_vector_index"),
    ]

    operations = [
        BtreeGinExtension(),
        migrations.AddField(
            model_name="searchentry",
            name="organization",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisation.organization",
            ),
        ),
        migrations.AddField(
            model_name="searchentry", name="year", field=models.PositiveIntegerField(null=True)
        ),
        migrations.AddField(
            model_name="searchentry", name="date", field=models.DateField(null=True)
        ),
        migrations.AddField(
            model_name="searchentry",
            name="direction",
            field=models.CharField(blank=True, max_length=10),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="classification",
            field=models.CharField(blank=True, max_length=30),
        ),
        migrations.RunPython(forward, backward),
    ]

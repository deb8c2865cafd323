"""The document's date leaves PostgreSQL's GIN index of the full text (docs/benchmarks.md, "At
1,000,000 documents"). A range of dates in a GIN index (btree_gin) is a scan of every date in
the range, each with its list of entries, to intersect with the words': a year of dates made a
search narrowed by a date range 85-120 ms in the index alone, where filtering the fetched rows
by date took 3-48 ms. Equality filters (body, organ, year, direction) stay in the index."""

from django.db import migrations

WITH_DATE = (
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin "
    "(vector, body_id, organization_id, year, date, direction)"
)
WITHOUT_DATE = (
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin "
    "(vector, body_id, organization_id, year, direction)"
)


def _rebuild(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_entry_vector")
            cursor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0005_organization_without_constraint")]

    operations = [migrations.RunPython(_rebuild(WITHOUT_DATE), _rebuild(WITH_DATE))]

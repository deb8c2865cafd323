from django.db import migrations

# Every search matches the full text first (the open text is part of it), so only the full
# text's vector needs an index.
SQL = {
    "postgresql": (
        ["DROP INDEX IF EXISTS search_entry_open_vector"],
        ["CREATE INDEX search_entry_open_vector ON search_searchentry USING gin (open_vector)"],
    ),
}


def drop(apps, schema_editor):
    for statement in SQL.get(schema_editor.connection.vendor, ([], []))[0]:
        schema_editor.execute(statement)


def create(apps, schema_editor):
    for statement in SQL.get(schema_editor.connection.vendor, ([], []))[1]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(drop, create)]

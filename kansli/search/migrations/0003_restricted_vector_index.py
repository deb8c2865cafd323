from django.db import migrations

# Secret documents are a small part of the registry; each search looks among them for those
# that match only in hidden text. A partial index over their vectors finds them without
# visiting every match.
SQL = {
    "postgresql": (
        [
            "CREATE INDEX search_entry_restricted_vector ON search_searchentry "
            "USING gin (vector) WHERE restricted"
        ],
        ["DROP INDEX IF EXISTS search_entry_restricted_vector"],
    ),
}


def create(apps, schema_editor):
    for statement in SQL.get(schema_editor.connection.vendor, ([], []))[0]:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in SQL.get(schema_editor.connection.vendor, ([], []))[1]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_drop_open_vector_index")]

    operations = [migrations.RunPython(create, drop)]

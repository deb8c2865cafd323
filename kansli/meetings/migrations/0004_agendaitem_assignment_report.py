"""The link between an assignment report and the agenda item that takes it up moves to the
item: the meetings app's row names the decisions app's report, never the other way round.

The copy is not a new fact: the report's events in the log hold the link already, and the log's
comparison of rows (kansli audit verify) passes over a field it has never described. So on
PostgreSQL the audited table's trigger for changes made around the log (kansli.audit.triggers)
is off while the link is copied, and on again after.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TRIGGER = "audit_unaccounted"


@contextmanager
def copied_in_the_log(schema_editor: BaseDatabaseSchemaEditor, table: str) -> Iterator[None]:
    """The table's writes meanwhile are not changes around the log (PostgreSQL's trigger off,
    where there is one)."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_trigger WHERE tgname = %s AND tgrelid = to_regclass(%s)",
            [TRIGGER, table],
        )
        present = cursor.fetchone() is not None
    if not present:
        yield
        return
    name = schema_editor.quote_name(table)
    schema_editor.execute(f"ALTER TABLE {name} DISABLE TRIGGER {TRIGGER}")
    yield
    # The copy's foreign keys are checked now, as the table may not be altered while checks
    # are pending; the rest of the migration's are deferred to its commit again.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    schema_editor.execute(f"ALTER TABLE {name} ENABLE TRIGGER {TRIGGER}")
    schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


def links_to_items(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    AssignmentReport = apps.get_model("decisions", "AssignmentReport")
    with copied_in_the_log(schema_editor, AgendaItem._meta.db_table):
        for report in AssignmentReport.objects.exclude(agenda_item=None).order_by("pk"):
            AgendaItem.objects.filter(pk=report.agenda_item_id).update(assignment_report=report)


def links_to_reports(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    AssignmentReport = apps.get_model("decisions", "AssignmentReport")
    with copied_in_the_log(schema_editor, AssignmentReport._meta.db_table):
        for item in AgendaItem.objects.exclude(assignment_report=None):
            AssignmentReport.objects.filter(pk=item.assignment_report_id).update(agenda_item=item)


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0003_decision_conditions"),
        ("meetings", "0003_posting_chain_head"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="assignment_report",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=models.deletion.PROTECT,
                # The report's own field keeps the name until decisions 0004 removes it.
                related_name="+",
                to="decisions.assignmentreport",
                verbose_name="rapport om uppdrag",
            ),
        ),
        migrations.RunPython(links_to_items, links_to_reports),
    ]

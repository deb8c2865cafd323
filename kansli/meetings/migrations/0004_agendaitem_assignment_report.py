"""The link between an assignment report and the agenda item that takes it up moves to the
item: the meetings app's row names the decisions app's report, never the other way round."""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def links_to_items(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    AssignmentReport = apps.get_model("decisions", "AssignmentReport")
    for report in AssignmentReport.objects.exclude(agenda_item=None).order_by("pk"):
        AgendaItem.objects.filter(pk=report.agenda_item_id).update(assignment_report=report)


def links_to_reports(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    AssignmentReport = apps.get_model("decisions", "AssignmentReport")
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

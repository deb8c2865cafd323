"""The report reaches its agenda item as `report.agenda_item`, the name its own field had."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0004_remove_assignmentreport_agenda_item"),
        ("meetings", "0004_agendaitem_assignment_report"),
    ]

    operations = [
        migrations.AlterField(
            model_name="agendaitem",
            name="assignment_report",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="agenda_item",
                to="decisions.assignmentreport",
                verbose_name="rapport om uppdrag",
            ),
        ),
    ]

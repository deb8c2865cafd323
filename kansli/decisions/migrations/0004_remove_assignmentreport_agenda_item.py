"""The report's link to its agenda item now lives on the item (meetings 0004 copied it)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0003_decision_conditions"),
        ("meetings", "0004_agendaitem_assignment_report"),
    ]

    operations = [
        migrations.RemoveField(model_name="assignmentreport", name="agenda_item"),
    ]

"""The duty to inform a party has one name, "notification" (docs/architecture.md, Names): the
evidence that a party was told, and the requirements and reporting of the stored verdicts,
stored as "notice", the word of the kallelse to a meeting, take it; going back gives them
"notice" again. Each row changed is recorded in the event log."""

from collections.abc import Callable

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from kansli.audit.migrating import update_recorded


def _verdict_renamed(verdict: dict, old: str, new: str) -> dict:
    lists = {
        key: [{**item, "kind": new} if item["kind"] == old else item for item in verdict[key]]
        for key in ("requirements", "reporting")
        if key in verdict
    }
    return {**verdict, **lists}


def renamed(old: str, new: str) -> Callable[[StateApps, BaseDatabaseSchemaEditor], None]:
    """The RunPython function that turns requirement kind `old` into `new`."""

    def rename(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        Decision = apps.get_model("decisions", "Decision")
        Evidence = apps.get_model("decisions", "Evidence")
        changes = [(row, "kind", new) for row in Evidence.objects.filter(kind=old).order_by("pk")]
        for decision in Decision.objects.order_by("pk"):
            verdict = _verdict_renamed(decision.verdict, old, new)
            if verdict != decision.verdict:
                changes.append((decision, "verdict", verdict))
        update_recorded(changes)

    return rename


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0004_remove_assignmentreport_agenda_item"),
        ("delegation", "0002_requirement_kind_notification"),
        ("audit", "0006_unaccounted_changes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="evidence",
            name="kind",
            field=models.CharField(
                choices=[
                    ("consultation", "samråd"),
                    ("approval", "godkännande"),
                    ("notification", "information i förväg"),
                    ("report", "anmälan i förväg"),
                ],
                max_length=20,
                verbose_name="slag",
            ),
        ),
        migrations.RunPython(renamed("notice", "notification"), renamed("notification", "notice")),
    ]

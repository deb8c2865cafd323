"""The duty to inform a party has one name, "notification" (docs/architecture.md, Names): the
rules' requirements stored as "notice", the word of the kallelse to a meeting, take it, and
going back gives them "notice" again. Each rule changed is recorded in the event log."""

from collections.abc import Callable

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from kansli.audit.migrating import update_recorded


def renamed(old: str, new: str) -> Callable[[StateApps, BaseDatabaseSchemaEditor], None]:
    """The RunPython function that turns requirement kind `old` into `new`."""

    def rename(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        DelegationRule = apps.get_model("delegation", "DelegationRule")
        changes = []
        for rule in DelegationRule.objects.order_by("pk"):
            requirements = [
                {**requirement, "kind": new} if requirement["kind"] == old else requirement
                for requirement in rule.requirements
            ]
            if requirements != rule.requirements:
                changes.append((rule, "requirements", requirements))
        update_recorded(changes)

    return rename


class Migration(migrations.Migration):
    dependencies = [
        ("delegation", "0001_initial"),
        ("audit", "0006_unaccounted_changes"),
    ]

    operations = [
        migrations.RunPython(renamed("notice", "notification"), renamed("notification", "notice"))
    ]

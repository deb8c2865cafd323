"""The preparation names the organ that deals with the case next: the current organ of its
route, or, for a case without a route, the political organ whose case it is."""

import django.db.models.deletion
from django.db import migrations, models

POLITICAL_KINDS = (
    "council",
    "executive_board",
    "committee",
    "subcommittee",
    "preparatory_committee",
    "crisis_committee",
)


def name_the_organ(apps, schema_editor):
    Preparation = apps.get_model("preparation", "Preparation")
    for preparation in Preparation.objects.select_related("step", "case__organization"):
        if preparation.step_id is not None:
            organization_id = preparation.step.organization_id
        elif preparation.case.organization.kind in POLITICAL_KINDS:
            organization_id = preparation.case.organization_id
        else:
            continue
        Preparation.objects.filter(pk=preparation.pk).update(organization_id=organization_id)


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0006_body_postlista_masks_private_persons"),
        ("preparation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="preparation",
            name="organization",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="organisation.organization",
                verbose_name="behandlas av",
            ),
        ),
        migrations.RunPython(name_the_organ, migrations.RunPython.noop),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0006_body_postlista_masks_private_persons"),
    ]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="notice_days",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text=(
                    "Antal dagar före sammanträdesdagen som kallelsen senast ska skickas, enligt "
                    "reglementet eller arbetsordningen. Tomt: standard för organets typ."
                ),
                null=True,
                verbose_name="kallelsetid (dagar)",
            ),
        ),
    ]

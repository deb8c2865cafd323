import django.db.models.deletion
from django.db import migrations, models

import kansli.meetings.models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0010_minutes_content"),
    ]

    operations = [
        migrations.AddField(
            model_name="minutesversion",
            name="after_the_fact",
            field=models.BooleanField(default=False, verbose_name="lagrat i efterhand"),
        ),
        migrations.CreateModel(
            name="ItemExtract",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "file",
                    models.FileField(
                        max_length=255,
                        upload_to=kansli.meetings.models._extract_file_name,
                        verbose_name="protokollsutdrag",
                    ),
                ),
                ("sha256", models.CharField(max_length=64, verbose_name="SHA-256")),
                ("made_at", models.DateTimeField(verbose_name="upprättat")),
                (
                    "item",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="frozen_extract",
                        to="meetings.agendaitem",
                        verbose_name="punkt",
                    ),
                ),
            ],
            options={
                "verbose_name": "omedelbart justerat protokollsutdrag",
                "verbose_name_plural": "omedelbart justerade protokollsutdrag",
            },
        ),
    ]

import django.db.models.deletion
from django.db import migrations, models

import kansli.meetings.models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0008_absence_report_calendar_feed"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="MinutesVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField(verbose_name="version")),
                (
                    "file",
                    models.FileField(
                        max_length=255,
                        upload_to=kansli.meetings.models._minutes_file_name,
                        verbose_name="protokoll",
                    ),
                ),
                ("sha256", models.CharField(max_length=64, verbose_name="SHA-256")),
                (
                    "public_file",
                    models.FileField(
                        max_length=255,
                        upload_to=kansli.meetings.models._minutes_file_name,
                        verbose_name="offentlig version",
                    ),
                ),
                (
                    "public_sha256",
                    models.CharField(max_length=64, verbose_name="SHA-256 för offentlig version"),
                ),
                ("made_at", models.DateTimeField(verbose_name="upprättad")),
                ("reason", models.TextField(blank=True, verbose_name="skäl till rättelse")),
                (
                    "approved_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="justerad"),
                ),
                (
                    "made_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="organisation.person",
                        verbose_name="upprättad av",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="minutes_versions",
                        to="meetings.meeting",
                        verbose_name="sammanträde",
                    ),
                ),
            ],
            options={
                "verbose_name": "protokollsversion",
                "verbose_name_plural": "protokollsversioner",
                "ordering": ["meeting", "number"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("meeting", "number"), name="minutes_version_once"
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="approval",
            name="version",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="approvals",
                to="meetings.minutesversion",
                verbose_name="protokollsversion",
            ),
        ),
        # Every approval recorded before signing existed was the secretary's record of a
        # signature made elsewhere: on paper.
        migrations.AddField(
            model_name="approval",
            name="method",
            field=models.CharField(
                choices=[("digital", "elektronisk underskrift"), ("paper", "på papper")],
                default="paper",
                max_length=10,
                verbose_name="sätt",
            ),
            preserve_default=False,
        ),
        migrations.RemoveConstraint(model_name="approval", name="approval_of_minutes_once"),
        migrations.AddConstraint(
            model_name="approval",
            constraint=models.UniqueConstraint(
                condition=models.Q(("item__isnull", True), ("version__isnull", True)),
                fields=("meeting", "person"),
                name="approval_of_minutes_once",
            ),
        ),
        migrations.AddConstraint(
            model_name="approval",
            constraint=models.UniqueConstraint(
                condition=models.Q(("version__isnull", False)),
                fields=("version", "person"),
                name="approval_of_version_once",
            ),
        ),
    ]

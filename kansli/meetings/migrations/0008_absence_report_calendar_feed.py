import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0007_session_rules"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="attendance",
            name="absence_reported_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="förhinder anmält"),
        ),
        migrations.AddField(
            model_name="attendance",
            name="absence_note",
            field=models.CharField(
                blank=True, max_length=500, verbose_name="meddelande om förhinder"
            ),
        ),
        migrations.CreateModel(
            name="CalendarFeed",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("digest", models.CharField(editable=False, max_length=64, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="skapad")),
                (
                    "revoked_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="återkallad"),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="calendar_feeds",
                        to="organisation.person",
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "kalenderlänk",
                "verbose_name_plural": "kalenderlänkar",
                "ordering": ["person", "-created_at", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("revoked_at__isnull", True)),
                        fields=("person",),
                        name="calendar_feed_one_open_per_person",
                    )
                ],
            },
        ),
    ]

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0009_minutes_version"),
        ("registry", "0002_document_counterpart_is_private_person"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="extract",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="registry.document",
                verbose_name="protokollsutdrag",
            ),
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="recipients",
            field=models.TextField(blank=True, verbose_name="skickas till"),
        ),
        migrations.AddField(
            model_name="attendance",
            name="came_at",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="meetings.agendaitem",
                verbose_name="kom till punkt",
            ),
        ),
        migrations.AddField(
            model_name="attendance",
            name="left_after",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="meetings.agendaitem",
                verbose_name="lämnade efter punkt",
            ),
        ),
        migrations.AddField(
            model_name="proposal",
            name="supports_prepared",
            field=models.BooleanField(
                default=False, verbose_name="bifall till förslaget till beslut"
            ),
        ),
        migrations.CreateModel(
            name="Adjournment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("started_at", models.DateTimeField(verbose_name="ajournerat från")),
                (
                    "ended_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="återupptogs"),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="adjournments",
                        to="meetings.meeting",
                        verbose_name="sammanträde",
                    ),
                ),
            ],
            options={
                "verbose_name": "ajournering",
                "verbose_name_plural": "ajourneringar",
                "ordering": ["meeting", "started_at", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ended_at__isnull", True),
                            ("ended_at__gte", models.F("started_at")),
                            _connector="OR",
                        ),
                        name="adjournment_ends_after_start",
                        violation_error_message="En ajournering kan inte sluta innan den börjar.",
                    )
                ],
            },
        ),
    ]

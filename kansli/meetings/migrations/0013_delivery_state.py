"""A meeting's e-mails go through the task queue: each delivery has its kind, its state, its
attempts and the mail server's answer. The deliveries recorded before were sent at once, in the
transaction that recorded them: they stay sent, after one attempt, with no time in the queue.
The columns are added with those values as their defaults, so no row is rewritten (nothing
for the audit triggers to see); the defaults then become those of a new delivery."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0012_notice"),
        ("organisation", "0008_organization_seats"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="delivery",
            options={
                "ordering": ["meeting", "pk"],
                "verbose_name": "utskick av kallelse",
                "verbose_name_plural": "utskick av kallelser",
            },
        ),
        migrations.AddField(
            model_name="delivery",
            name="answer",
            field=models.TextField(blank=True, verbose_name="e-postserverns svar"),
        ),
        migrations.AddField(
            model_name="delivery",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="försök"),
        ),
        migrations.AddField(
            model_name="delivery",
            name="invitation",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="delivery",
            name="kind",
            field=models.CharField(
                choices=[
                    ("notice", "kallelse"),
                    ("resend", "kallelse skickad igen"),
                    ("cancellation", "inställelse"),
                ],
                default="notice",
                max_length=20,
                verbose_name="slag",
            ),
        ),
        migrations.AddField(
            model_name="delivery",
            name="last_attempt_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="senaste försök"),
        ),
        migrations.AddField(
            model_name="delivery",
            name="next_attempt_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="nästa försök"),
        ),
        migrations.AddField(
            model_name="delivery",
            name="queued_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="köad"),
        ),
        migrations.AddField(
            model_name="delivery",
            name="state",
            field=models.CharField(
                choices=[
                    ("queued", "i kö"),
                    ("sending", "skickas"),
                    ("sent", "skickat"),
                    ("failed", "misslyckades"),
                ],
                default="sent",
                max_length=10,
                verbose_name="läge",
            ),
        ),
        migrations.AlterField(
            model_name="delivery",
            name="sent_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="skickad"),
        ),
        migrations.AddIndex(
            model_name="delivery",
            index=models.Index(
                condition=models.Q(("state", "queued")),
                fields=["next_attempt_at"],
                name="meetings_delivery_waiting",
            ),
        ),
        migrations.AlterField(
            model_name="delivery",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="försök"),
        ),
        migrations.AlterField(
            model_name="delivery",
            name="state",
            field=models.CharField(
                choices=[
                    ("queued", "i kö"),
                    ("sending", "skickas"),
                    ("sent", "skickat"),
                    ("failed", "misslyckades"),
                ],
                default="queued",
                max_length=10,
                verbose_name="läge",
            ),
        ),
    ]

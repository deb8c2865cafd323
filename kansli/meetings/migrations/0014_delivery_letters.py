"""The letters of an absence (to the substitute called or released, to the secretary) go
through the deliveries like the notices: their kinds, and the subject and body written when
they were queued. The columns are added empty, so no row is rewritten."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0013_delivery_state"),
    ]

    operations = [
        migrations.AddField(
            model_name="delivery",
            name="body",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="delivery",
            name="subject",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AlterField(
            model_name="delivery",
            name="kind",
            field=models.CharField(
                choices=[
                    ("notice", "kallelse"),
                    ("resend", "kallelse skickad igen"),
                    ("cancellation", "inställelse"),
                    ("substitute_called", "kallelse att tjänstgöra"),
                    ("substitute_released", "besked att inte tjänstgöra"),
                    ("absence", "förhinder anmält"),
                    ("absence_withdrawn", "förhinder återtaget"),
                ],
                default="notice",
                max_length=20,
                verbose_name="slag",
            ),
        ),
    ]

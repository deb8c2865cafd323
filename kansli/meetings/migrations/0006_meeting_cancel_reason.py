from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_alter_agendaitem_assignment_report"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="cancelled_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="inställt"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="cancel_reason",
            field=models.TextField(
                blank=True, verbose_name="skäl till att sammanträdet ställdes in"
            ),
        ),
    ]

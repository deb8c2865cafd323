from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="counterpart_is_private_person",
            field=models.BooleanField(
                default=False, verbose_name="avsändaren/mottagaren är en privatperson"
            ),
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0005_position_is_director"),
    ]

    operations = [
        migrations.AddField(
            model_name="body",
            name="postlista_masks_private_persons",
            field=models.BooleanField(
                default=True,
                help_text=(
                    "Allmänheten ser ”[Privatperson]” i stället för namnet på en avsändare eller "
                    "mottagare som är en privatperson. Organisationer visas alltid med namn."
                ),
                verbose_name="dölj privatpersoners namn i postlistan",
            ),
        ),
    ]

"""Cases and documents know when they were last saved: the API's `changed_since` (issue 14).
Rows from before get the time of the migration."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0004_records_request_workflow"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="ändrat"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="document",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="ändrad"
            ),
            preserve_default=False,
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["updated_at", "id"], name="case_updated_at"),
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(fields=["updated_at", "id"], name="document_updated_at"),
        ),
    ]

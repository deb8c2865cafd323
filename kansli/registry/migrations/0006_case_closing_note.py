"""A closed case keeps the note it was closed with (issue 14)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0005_case_document_updated_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="closing_note",
            field=models.TextField(blank=True, verbose_name="avslutningsanteckning"),
        ),
    ]

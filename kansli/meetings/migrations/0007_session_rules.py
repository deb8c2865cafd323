from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_meeting_cancel_reason"),
    ]

    operations = [
        migrations.AlterField(
            model_name="agendaitem",
            name="kind",
            field=models.CharField(
                choices=[
                    ("opening", "Sammanträdets öppnande"),
                    ("minutes_checker", "Val av justerare"),
                    ("agenda_approval", "Godkännande av dagordningen"),
                    ("delegated_decisions", "Anmälan av delegationsbeslut"),
                    ("communications", "Meddelanden"),
                    ("assignment_reports", "Rapporter om uppdrag"),
                    ("case", "Ärende"),
                    ("election", "Val"),
                    ("information", "Information"),
                ],
                default="case",
                max_length=30,
                verbose_name="slag",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="announced_on",
            field=models.DateField(
                blank=True, null=True, verbose_name="tillkännagivet på anslagstavlan"
            ),
        ),
        migrations.AddField(
            model_name="vote",
            name="decided_by_lot",
            field=models.BooleanField(default=False, verbose_name="avgjort genom lottning"),
        ),
        migrations.RenameField(
            model_name="attendance",
            old_name="committee_chair_told_on",
            new_name="committee_chair_notified_on",
        ),
        migrations.RenameField(
            model_name="attendance",
            old_name="department_head_told_on",
            new_name="department_head_notified_on",
        ),
    ]

import django.core.validators
from django.db import migrations, models
from django.db.models import Q
from django.utils import timezone

POLITICAL = (
    "council",
    "executive_board",
    "committee",
    "subcommittee",
    "preparatory_committee",
    "crisis_committee",
)
SUBSTITUTE = "substitute"


def seats_from_memberships(apps, schema_editor):
    """Give each political organ the number of members (chair and vice chairs included) it has
    today: the best guess at the decided number of seats there is. An organ with nobody seated
    is left empty, to be entered from its reglemente; a vacant seat today is not seen here."""
    Organization = apps.get_model("organisation", "Organization")
    Membership = apps.get_model("organisation", "Membership")
    today = timezone.localdate()
    for organization in Organization.objects.filter(kind__in=POLITICAL, seats__isnull=True):
        count = (
            Membership.objects.filter(organization=organization, start__lte=today)
            .filter(Q(end__isnull=True) | Q(end__gte=today))
            .exclude(role=SUBSTITUTE)
            .count()
        )
        if count:
            Organization.objects.filter(pk=organization.pk).update(seats=count)


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0007_organization_notice_days"),
    ]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="seats",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text=(
                    "Det beslutade antalet ledamöter, vakanta platser medräknade; "
                    "beslutförheten räknas på det."
                ),
                null=True,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="antal ledamöter",
            ),
        ),
        migrations.AddConstraint(
            model_name="organization",
            constraint=models.CheckConstraint(
                condition=Q(seats__isnull=True) | Q(seats__gte=1),
                name="organization_seats_positive",
                violation_error_message="Ett organ har minst en ledamot.",
            ),
        ),
        migrations.RunPython(seats_from_memberships, migrations.RunPython.noop),
    ]

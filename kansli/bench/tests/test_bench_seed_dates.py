"""`kansli bench seed` spreads its documents over the registry's years as a real registry has
them: on many working days, none in the future, each case opened before its documents."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from kansli.legal_time import is_weekday_for_deadlines
from kansli.registry.models import Case, Document


def _seed(documents: int) -> None:
    call_command("bench", "seed", "--documents", str(documents), stdout=StringIO())


def test_a_small_seed_has_documents_on_many_working_days_and_none_in_the_future(
    db: None,
) -> None:
    _seed(300)

    documents = Document.objects.filter(case__organization__body__slug="bench")
    days = {
        timezone.localdate(moment) for moment in documents.values_list("registered_at", flat=True)
    }
    assert len(days) > 100
    assert all(is_weekday_for_deadlines(day) for day in days)
    assert not documents.filter(registered_at__gt=timezone.now()).exists()
    assert min(days) < timezone.localdate() - datetime.timedelta(days=3 * 365)


def test_todays_postlista_holds_a_few_documents_not_the_registry(db: None) -> None:
    _seed(300)

    today = timezone.localdate()
    registered_today = Document.objects.filter(
        case__organization__body__slug="bench", registered_at__date=today
    )
    assert registered_today.count() < 10


def test_each_case_is_opened_no_later_than_its_documents(db: None) -> None:
    _seed(300)

    cases = Case.objects.filter(organization__body__slug="bench")
    assert cases.count() > 50
    assert not Document.objects.filter(case__in=cases, date__lt=F("case__opened_on")).exists()
    assert not Document.objects.filter(
        case__in=cases, case__opened_on__gt=timezone.localdate()
    ).exists()

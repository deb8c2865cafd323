"""Case and document numbers: allocated under a row lock in the transaction that registers.

The series row (for a case) or the case row (for a document) is locked with
`select_for_update()` and its counter advanced in the same transaction that saves the case or
document. A second registration waits for the lock; if the first rolls back, so does its
counter. So a number is never handed out twice, and none is skipped.
"""

from django.db import IntegrityError, transaction

from kansli.organisation.models import Organization
from kansli.registry.models import Case, NumberSeries


def _series_for_update(organization: Organization, year: int) -> NumberSeries:
    """The organization's series for the year, locked; made on first use with the format of
    the organization's latest series before it."""
    series = NumberSeries.objects.select_for_update().filter(organization=organization, year=year)
    found = series.first()
    if found is not None:
        return found
    earlier = (
        NumberSeries.objects.filter(organization=organization, year__lt=year)
        .order_by("-year")
        .values_list("format", flat=True)
        .first()
    )
    try:
        with transaction.atomic():
            NumberSeries.objects.create(
                organization=organization,
                year=year,
                format=earlier or NumberSeries.DEFAULT_FORMAT,
            )
    except IntegrityError:
        pass  # another registration made it first; lock that one
    return series.get()


def next_case_number(organization: Organization, year: int) -> tuple[NumberSeries, int, str]:
    """(series, sequence, number) for a new case; the caller saves the case in this
    transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("case numbers are allocated inside the registering transaction")
    series = _series_for_update(organization, year)
    sequence = series.next_number
    series.next_number = sequence + 1
    series.save(update_fields=["next_number"])
    return series, sequence, series.number(sequence)


def next_document_number(case: Case) -> tuple[int, str]:
    """(sequence, number) for a new document in the case ("2026/00051-3")."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("document numbers are allocated inside the registering transaction")
    locked = Case.objects.select_for_update().only("number", "next_document_number").get(pk=case.pk)
    sequence = locked.next_document_number
    Case.objects.filter(pk=case.pk).update(next_document_number=sequence + 1)
    case.next_document_number = sequence + 1
    return sequence, f"{locked.number}-{sequence}"

"""Case and document numbers: allocated under a row lock in the transaction that registers.

The series row (for a case) or the case row (for a document) is locked and its counter
advanced in the same transaction that saves the case or document. A second registration waits
for the lock; if the first rolls back, so does its counter. So a number is never handed out
twice, and none is skipped.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

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


def _refuse_outside_transaction(what: str) -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(f"{what} numbers are allocated inside the registering transaction")


def next_case_number(organization: Organization, year: int) -> tuple[NumberSeries, int, str]:
    """(series, sequence, number) for a new case; the caller saves the case in this
    transaction."""
    _refuse_outside_transaction("case")
    series = _series_for_update(organization, year)
    sequence = series.next_number
    series.next_number = sequence + 1
    series.save(update_fields=["next_number"])
    return series, sequence, series.number(sequence)


_TAKE = (
    f"UPDATE {Case._meta.db_table} SET next_document_number = next_document_number + %s "  # noqa: S608
    "WHERE id = %s RETURNING number, next_document_number"
)


def take_document_numbers(counts: dict[int, int]) -> dict[int, list[tuple[int, str]]]:
    """For each case id, `count` (sequence, number) pairs for its new documents, in order
    ("2026/00051-3", "2026/00051-4"); the caller saves the documents in this transaction.

    Each case's counter is advanced and read in one statement (UPDATE … RETURNING), which locks
    the case's row until the transaction ends. Cases are taken in the order of their ids, so
    two registrations that take the same cases lock them in the same order and never
    deadlock.
    """
    _refuse_outside_transaction("document")
    taken = {}
    with connection.cursor() as cursor:
        for case_id in sorted(counts):
            count = counts[case_id]
            cursor.execute(_TAKE, [count, case_id])
            found = cursor.fetchone()
            if found is None:
                raise ValidationError(_("Ärendet finns inte längre."))
            number, next_number = found
            taken[case_id] = [(n, f"{number}-{n}") for n in range(next_number - count, next_number)]
    return taken

"""Eight processes, each with its own database connection, register at the same time."""

import datetime
import multiprocessing

import pytest
from django.db import connection, connections

from kansli.registry import services
from kansli.registry.models import Case, Document

PROCESSES = 8
DOCUMENTS_EACH = 200
CASES_EACH = 25


def register(case_pk: int) -> None:
    """One process's share: 200 documents in the shared case, and 25 new cases."""
    if connection.vendor == "sqlite":
        # SQLite lets one writer in at a time and does not queue the others fairly: on a busy
        # machine one may wait longer than the site's 20 seconds for the seven others.
        connection.settings_dict["OPTIONS"]["timeout"] = 600
    case = Case.objects.select_related("organization").get(pk=case_pk)
    for i in range(DOCUMENTS_EACH):
        services.document_register(
            actor=None,
            case=case,
            direction=Document.Direction.DRAWN_UP,
            date=datetime.date(2026, 2, 2),
            description=f"Anteckning {i}",
        )
        if i % (DOCUMENTS_EACH // CASES_EACH) == 0:
            services.case_open(
                actor=None,
                organization=case.organization,
                title=f"Ärende {i}",
                opened_on=datetime.date(2026, 2, 2),
            )
    connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_get_every_number_once_without_gaps(case: Case) -> None:
    # Each forked process must open its own connection, not share the parent's.
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(PROCESSES) as pool:
        pool.map(register, [case.pk] * PROCESSES)

    sequences = list(Document.objects.filter(case=case).values_list("sequence", flat=True))
    numbers = set(Document.objects.filter(case=case).values_list("number", flat=True))
    total = PROCESSES * DOCUMENTS_EACH
    assert sorted(sequences) == list(range(1, total + 1))
    assert len(numbers) == total
    case_numbers = sorted(Case.objects.values_list("sequence", flat=True))
    assert case_numbers == list(range(1, PROCESSES * CASES_EACH + 2))

"""Four processes, each with its own database connection, register at the same time: one
document at a time, or in batches that take numbers in two cases at once. Four on the two
cores of CI race at every number already; more only make the suite slower."""

import datetime
import multiprocessing

import pytest
from django.db import connection, connections

from kansli.registry import services
from kansli.registry.models import Case, Document
from kansli.registry.services import Registration

pytestmark = pytest.mark.slow

PROCESSES = 4
DOCUMENTS_EACH = 60
CASES_EACH = 10


def register(case_pk: int) -> None:
    """One process's share: 60 documents in the shared case, and 10 new cases."""
    if connection.vendor == "sqlite":
        # SQLite lets one writer in at a time and does not queue the others fairly: on a busy
        # machine one may wait longer than the site's 20 seconds for the three others.
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


BATCHES_EACH = 6
BATCH = 10


def register_batches(cases: tuple[int, int]) -> None:
    """One process's share: 6 batches of 10 documents, their rows alternating between the two
    cases, which half the processes name in the other order."""
    if connection.vendor == "sqlite":
        connection.settings_dict["OPTIONS"]["timeout"] = 600
    both = [Case.objects.select_related("organization").get(pk=pk) for pk in cases]
    for _batch in range(BATCHES_EACH):
        services.documents_register(
            actor=None,
            registrations=[
                Registration(
                    case=both[n % 2],
                    direction=Document.Direction.DRAWN_UP,
                    date=datetime.date(2026, 2, 2),
                    description=f"Anteckning {n}",
                )
                for n in range(BATCH)
            ],
        )
    connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_concurrent_batches_in_two_cases_get_every_number_once_without_gaps(case: Case) -> None:
    other = services.case_open(
        actor=None,
        organization=case.organization,
        title="Ett andra ärende",
        opened_on=datetime.date(2026, 2, 2),
    )
    orders = [(case.pk, other.pk), (other.pk, case.pk)] * (PROCESSES // 2)
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(PROCESSES) as pool:
        pool.map(register_batches, orders)

    each = PROCESSES * BATCHES_EACH * BATCH // 2
    for one in (case, other):
        sequences = sorted(Document.objects.filter(case=one).values_list("sequence", flat=True))
        assert sequences == list(range(1, each + 1))
        assert Document.objects.filter(case=one).values("number").distinct().count() == each

"""Writers in parallel threads, each on its own database connection, take turns at the chain."""

import threading

import pytest
from django.db import connection

from kansli.audit.models import ChainHead, Event
from kansli.audit.selectors import chain_verify
from kansli.organisation import services as organisation
from kansli.organisation.models import Body

WRITERS = 4
WRITES_EACH = 10


@pytest.mark.django_db(transaction=True)
def test_parallel_writers_leave_an_unbroken_chain() -> None:
    body = organisation.body_create(
        actor=None, slug="vanersborg", name="Vänersborgs kommun", kind=Body.Kind.MUNICIPALITY
    )
    start = threading.Barrier(WRITERS)
    failures: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            start.wait()
            for n in range(WRITES_EACH):
                organisation.person_create(
                    actor=None, body=body, given_name=f"Skribent {writer}", family_name=str(n)
                )
        except BaseException as failure:
            failures.append(failure)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    total = 1 + WRITERS * WRITES_EACH
    assert list(Event.objects.order_by("seq").values_list("seq", flat=True)) == list(
        range(1, total + 1)
    )
    assert ChainHead.objects.get(pk=1).seq == total
    assert chain_verify().intact

"""A case read before documents were registered in it, then closed and reopened, does not
put its document counter back: the next document still gets the next number."""

import datetime

from kansli.audit.models import Event
from kansli.registry import services
from kansli.registry.models import Case, Document


def note(case: Case, description: str) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=datetime.date(2026, 1, 14),
        description=description,
    )


def test_closing_an_older_copy_of_the_case_keeps_the_next_number(case: Case) -> None:
    older = Case.objects.get(pk=case.pk)
    note(case, "Första anteckningen")

    services.case_close(actor=None, case=older, closed_on=datetime.date(2026, 2, 1))
    services.case_reopen(actor=None, case=older)

    assert note(older, "Andra anteckningen").number == "KS 2026/00001-2"
    closing = Event.objects.filter(action="case.update").order_by("seq").first()
    assert closing.after["next_document_number"] == closing.before["next_document_number"] == 2

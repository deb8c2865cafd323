import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.audit.models import Event
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument


def test_updating_metadata_stores_it_and_records_before_and_after(document):
    governance.document_update(
        actor=None, document=document, review_by=datetime.date(2027, 12, 31), responsible="KD"
    )

    stored = GoverningDocument.objects.get(pk=document.pk)
    assert stored.review_by == datetime.date(2027, 12, 31)
    event = Event.objects.get(action="governingdocument.update")
    assert (event.before["review_by"], event.after["review_by"]) == (None, "2027-12-31")


def test_a_document_cannot_move_to_another_body(document, other_body):
    with pytest.raises(ValidationError, match="annan huvudman"):
        governance.document_update(actor=None, document=document, body=other_body)


def test_a_document_cannot_be_adopted_by_another_bodys_organization(document, other_board):
    with pytest.raises(ValidationError, match="annan huvudman"):
        governance.document_update(actor=None, document=document, adopted_by=other_board)

    assert not Event.objects.filter(action="governingdocument.update").exists()

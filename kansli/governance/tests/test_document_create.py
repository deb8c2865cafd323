import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.audit.models import Event
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument


def test_a_document_keeps_the_metadata_of_its_header(body, board, department):
    document = governance.document_create(
        actor=None,
        body=body,
        slug="kommundirektorsinstruktion",
        kind=GoverningDocument.Kind.INSTRUCTION,
        name="Kommundirektörsinstruktion",
        adopted_by=board,
        owner=department,
        adopted_on=datetime.date(2017, 12, 20),
        adopted_minute="§ 248",
        responsible="Chefen för kommunkontoret",
        valid_from=datetime.date(2019, 1, 30),
        published_on=datetime.date(2018, 1, 15),
        subject_area="Styrning och ledning",
        laws=["Kommunallagen (2017:725, KL)"],
    )

    stored = GoverningDocument.objects.get(pk=document.pk)
    assert (stored.adopted_by, stored.owner) == (board, department)
    assert stored.adopted_minute == "§ 248"
    assert stored.valid_until is None
    assert stored.laws == ["Kommunallagen (2017:725, KL)"]
    assert stored.external and not stored.internal


def test_creating_a_document_is_recorded_in_the_event_log(document):
    event = Event.objects.get(action="governingdocument.create")

    assert event.object_id == str(document.pk)
    assert event.after["name"] == "Kommundirektörsinstruktion"


def test_a_document_cannot_be_owned_by_another_bodys_organization(body, board, other_board):
    with pytest.raises(ValidationError, match="annan huvudman"):
        governance.document_create(
            actor=None,
            body=body,
            slug="instruktion",
            kind=GoverningDocument.Kind.INSTRUCTION,
            name="Instruktion",
            adopted_by=board,
            owner=other_board,
        )

    assert not GoverningDocument.objects.exists()


def test_two_documents_of_a_body_cannot_share_a_slug(document, body, board, department):
    with pytest.raises(ValidationError):
        governance.document_create(
            actor=None,
            body=body,
            slug=document.slug,
            kind=GoverningDocument.Kind.POLICY,
            name="En annan",
            adopted_by=board,
            owner=department,
        )

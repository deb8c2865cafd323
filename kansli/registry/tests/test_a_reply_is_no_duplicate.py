"""The duplicate check knows replies: an outgoing reply to the sender of an incoming letter, about
the same thing, is not flagged as a duplicate of the letter it answers; the same letter
registered twice still is."""

import pytest
from django.utils import timezone

from kansli.registry import services
from kansli.registry.duplicates import possible_duplicates
from kansli.registry.models import Case, Document

SENDER = "Länsstyrelsen Västra Götaland"
ABOUT = "Synpunkter på kommundirektörsinstruktionen"


@pytest.fixture
def incoming(case: Case) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart=SENDER,
        description=ABOUT,
    )


def test_an_outgoing_reply_is_not_a_duplicate(incoming: Document) -> None:
    body = incoming.case.organization.body

    found = possible_duplicates(
        body=body,
        counterpart=SENDER,
        description=f"Svar på {ABOUT.lower()}",
        direction=Document.Direction.OUTGOING,
    )

    assert found == []


def test_the_same_letter_again_is_a_possible_duplicate(incoming: Document) -> None:
    body = incoming.case.organization.body

    found = possible_duplicates(
        body=body, counterpart=SENDER, description=ABOUT, direction=Document.Direction.INCOMING
    )

    assert found == [incoming]

"""A registrar's import registers many documents in one transaction: each gets its number, its
event in the log and its search entry, and a bad row refuses the whole batch, named."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from kansli.audit.models import Event
from kansli.audit.selectors import chain_verify
from kansli.organisation.models import Organization
from kansli.registry import services
from kansli.registry.models import Case, Document
from kansli.registry.services import Registration
from kansli.registry.tests.conftest import stored_files
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.search.models import SearchEntry


def letter(case: Case, description: str, **fields: object) -> Registration:
    arguments = {
        "case": case,
        "direction": Document.Direction.INCOMING,
        "date": datetime.date(2026, 1, 14),
        "counterpart": "Länsstyrelsen",
        "description": description,
    } | fields
    return Registration(**arguments)


@pytest.fixture
def other_case(board: Organization) -> Case:
    return services.case_open(
        actor=None, organization=board, title="Budget 2027", opened_on=datetime.date(2026, 1, 13)
    )


def test_each_document_of_a_batch_gets_its_number_event_and_search_entry(
    case: Case, other_case: Case
) -> None:
    documents = services.documents_register(
        actor=None,
        registrations=[
            letter(case, "Synpunkter på instruktionen"),
            letter(other_case, "Underlag till budgeten"),
            letter(case, "Fler synpunkter", files=[upload("brev.pdf", pdf_bytes("Bilaga"))]),
        ],
    )

    assert [d.number for d in documents] == [
        "KS 2026/00001-1",
        "KS 2026/00002-1",
        "KS 2026/00001-2",
    ]
    events = Event.objects.filter(action="document.create")
    assert sorted(events.values_list("object_id", flat=True)) == sorted(
        str(d.pk) for d in documents
    )
    assert events.get(object_id=str(documents[1].pk)).after["description"] == (
        "Underlag till budgeten"
    )
    assert SearchEntry.objects.filter(document__in=documents).count() == 3
    assert "Bilaga" in SearchEntry.objects.get(document=documents[2]).text
    assert chain_verify().intact


def test_numbers_follow_on_without_a_gap_after_a_batch(case: Case) -> None:
    services.documents_register(
        actor=None, registrations=[letter(case, f"Brev {n}") for n in range(1, 4)]
    )

    single = services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 1, 15),
        counterpart="Anna Andersson",
        description="Brev 4",
    )

    assert single.number == "KS 2026/00001-4"
    assert list(case.documents.values_list("sequence", flat=True)) == [1, 2, 3, 4]


def test_a_row_the_service_refuses_refuses_the_batch_and_is_named(
    case: Case, other_case: Case, media: Path
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.documents_register(
            actor=None,
            registrations=[
                letter(case, "Synpunkter", files=[upload("brev.pdf", pdf_bytes("Bilaga"))]),
                letter(other_case, "Brev utan avsändare", counterpart=""),
            ],
        )

    assert refused.value.messages == [
        "Rad 2 (”Brev utan avsändare”): Ange avsändare för en inkommande handling och "
        "mottagare för en utgående."
    ]
    assert not Document.objects.exists()
    assert not Event.objects.filter(action__startswith="document.").exists()
    assert stored_files(media) == []


def test_a_row_the_database_refuses_refuses_the_batch_and_is_named(case: Case) -> None:
    with pytest.raises(ValidationError) as refused:
        services.documents_register(
            actor=None,
            registrations=[
                letter(case, "Synpunkter"),
                letter(case, "Svar"),
                letter(case, "Dolt utan sekretess", description_masked=True),
            ],
        )

    assert refused.value.messages == [
        "Rad 3 (”Dolt utan sekretess”): Bara en sekretessmarkerad handling kan döljas."
    ]
    assert not Document.objects.exists()
    assert not SearchEntry.objects.exists()
    case.refresh_from_db()
    assert case.next_document_number == 1


def test_a_refused_batch_uses_no_number(case: Case) -> None:
    with pytest.raises(ValidationError, match="Rad 2"):
        services.documents_register(
            actor=None,
            registrations=[letter(case, "Synpunkter"), letter(case, "Fel", classification="x")],
        )

    documents = services.documents_register(
        actor=None, registrations=[letter(case, "Synpunkter"), letter(case, "Svar")]
    )

    assert [d.sequence for d in documents] == [1, 2]
    assert chain_verify().intact


def test_an_empty_batch_registers_nothing(case: Case) -> None:
    assert services.documents_register(actor=None, registrations=[]) == []
    assert not Document.objects.exists()

"""A copy released with masking holds no masked word: it is made anew from the document's text,
so text extraction from the released PDF finds the rest of the text and none of what was
masked, while the original stays as it was."""

import io
from collections.abc import Callable

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

from kansli.accounts.models import Role, User
from kansli.organisation.models import Body
from kansli.registry import services
from kansli.registry.models import Case, Document, PublicRecordsRequest
from kansli.registry.tests.samples import pdf_bytes, upload

IN_PART = PublicRecordsRequest.Outcome.RELEASED_IN_PART


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def letter(case: Case) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=case.opened_on,
        counterpart="Skolan",
        description="Rapport om skolmiljon",
        files=[
            upload(
                "rapport.pdf",
                pdf_bytes("Eleven Kalle Karlsson i klass 7B har anmalt brister i skolmiljon"),
            )
        ],
    )


@pytest.fixture
def request_(body: Body, letter: Document) -> PublicRecordsRequest:
    return services.records_request_register(
        actor=None, body=body, subject=letter.number, documents=[letter]
    )


def test_the_released_copy_has_the_masked_words_removed_and_the_rest_kept(
    request_: PublicRecordsRequest, letter: Document, staff: Callable[..., User]
) -> None:
    answered = services.records_request_answer(
        actor=staff("rut", Role.REGISTRAR),
        request=request_,
        outcome=IN_PART,
        refusal_ground="OSL 23 kap. 1 §",
        masked_passages=["Kalle Karlsson", "7B"],
    )

    (copy,) = answered.released_copies.all()
    stored = default_storage.open(copy.files.get().storage_name).read()
    text = pdf_text(stored)
    assert "Kalle" not in text
    assert "Karlsson" not in text
    assert "7B" not in text
    assert "har anmalt brister i skolmiljon" in " ".join(text.split())
    assert "Maskerat enligt OSL 23 kap. 1 §" in " ".join(text.split())
    assert copy.case == letter.case
    assert copy.description == (
        f"Utlämnad kopia av {letter.number}, maskerad enligt OSL 23 kap. 1 §"
    )
    original = default_storage.open(letter.files.get().storage_name).read()
    assert "Kalle Karlsson" in pdf_text(original)


def test_a_passage_that_is_not_in_the_document_refuses_the_answer(
    request_: PublicRecordsRequest, letter: Document
) -> None:
    documents = letter.case.documents.count()

    with pytest.raises(ValidationError, match="finns inte i de begärda handlingarnas text"):
        services.records_request_answer(
            actor=None,
            request=request_,
            outcome=IN_PART,
            refusal_ground="OSL 23 kap. 1 §",
            masked_passages=["Lisa Larsson"],
        )

    request_.refresh_from_db()
    assert request_.status == PublicRecordsRequest.Status.RECEIVED
    assert letter.case.documents.count() == documents


def test_masking_needs_the_passages(request_: PublicRecordsRequest) -> None:
    with pytest.raises(ValidationError, match="vilka avsnitt som ska maskeras"):
        services.records_request_answer(
            actor=None, request=request_, outcome=IN_PART, refusal_ground="OSL 23 kap. 1 §"
        )

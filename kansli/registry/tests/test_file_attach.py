import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from kansli.registry import services
from kansli.registry.models import Case, Document
from kansli.registry.tests.conftest import stored_files
from kansli.registry.tests.samples import odt_bytes, png_bytes, upload


@pytest.fixture
def letter(case: Case) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.OUTGOING,
        date=datetime.date(2026, 1, 20),
        counterpart="Länsstyrelsen",
        description="Svar på remiss",
    )


def test_a_file_is_added_to_a_registered_document(letter: Document, media: Path) -> None:
    file = services.file_attach(
        actor=None, document=letter, upload=upload("svar.odt", odt_bytes("Kommunen tillstyrker"))
    )

    assert list(letter.files.all()) == [file]
    assert "Kommunen tillstyrker" in file.extracted_text
    assert stored_files(media) == [media / file.storage_name]


def test_a_mislabelled_file_is_not_added(letter: Document, media: Path) -> None:
    with pytest.raises(ValidationError, match="innehållet är av typen PNG-bild"):
        services.file_attach(actor=None, document=letter, upload=upload("svar.odt", png_bytes()))

    assert not letter.files.exists()
    assert stored_files(media) == []

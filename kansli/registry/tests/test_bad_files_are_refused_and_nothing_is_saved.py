import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import Settings

from kansli.registry import services
from kansli.registry.files import EMAIL_MULTIPARTS_LIMIT
from kansli.registry.models import Case, Document, File
from kansli.registry.tests.conftest import stored_files
from kansli.registry.tests.samples import (
    docx_bytes,
    encrypted_pdf_bytes,
    nested_eml_bytes,
    pdf_bytes,
    png_bytes,
    upload,
)


def register(case: Case, *files: SimpleUploadedFile) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 1, 14),
        counterpart="Anna Andersson",
        description="Brev med bilagor",
        files=files,
    )


def refused(case: Case, media: Path, *files: SimpleUploadedFile) -> str:
    """The Swedish message of the refusal, after checking that nothing was kept."""
    with pytest.raises(ValidationError) as refusal:
        register(case, upload("ok.pdf", pdf_bytes("Giltig")), *files)
    assert not Document.objects.exists()
    assert not File.objects.exists()
    assert stored_files(media) == []
    return " ".join(refusal.value.messages)


def test_an_empty_file_is_refused(case: Case, media: Path) -> None:
    assert refused(case, media, upload("tom.pdf", b"")) == "Filen tom.pdf är tom."


def test_a_file_over_the_size_limit_is_refused(case: Case, media: Path, settings: Settings) -> None:
    settings.KANSLI_MAX_FILE_BYTES = 1000

    message = refused(case, media, upload("stor.pdf", pdf_bytes("x" * 2000)))

    assert message.startswith("Filen stor.pdf är 2,")
    assert "den största tillåtna storleken är 1000" in message


def test_a_png_named_pdf_is_refused_as_mislabelled(case: Case, media: Path) -> None:
    message = refused(case, media, upload("brev.pdf", png_bytes()))

    assert message == (
        "Filen brev.pdf heter .pdf men innehållet är av typen PNG-bild. Byt namn på filen."
    )


def test_a_declared_type_that_disagrees_with_the_content_is_refused(
    case: Case, media: Path
) -> None:
    message = refused(case, media, upload("bilaga", docx_bytes("Text"), "application/pdf"))

    assert message == (
        "Filen bilaga anges vara application/pdf men innehållet är av typen Word-dokument (DOCX)."
    )


def test_a_file_of_another_type_is_refused(case: Case, media: Path) -> None:
    message = refused(case, media, upload("anteckning.txt", b"Bara text"))

    assert message.startswith("Filen anteckning.txt är inte av en tillåten typ.")


def test_a_damaged_pdf_is_refused(case: Case, media: Path) -> None:
    message = refused(case, media, upload("trasig.pdf", b"%PDF-1.4\ngarbage without structure"))

    assert message == "Filen trasig.pdf kunde inte läsas som PDF; den kan vara skadad."


def test_a_pdf_locked_with_a_password_is_refused(case: Case, media: Path) -> None:
    data = encrypted_pdf_bytes("Hemligt", user_password="lösen")

    message = refused(case, media, upload("last.pdf", data))

    assert message == (
        "Filen last.pdf är låst med lösenord och kan inte läsas. Ladda upp den utan lösenord."
    )


def test_a_pdf_locked_only_against_changes_is_taken_with_its_text(case: Case, media: Path) -> None:
    document = register(
        case, upload("skyddad.pdf", encrypted_pdf_bytes("Skyddad", user_password=""))
    )

    assert document.files.get().extracted_text == "Skyddad"


def test_a_pdf_of_an_unknown_encryption_is_refused(case: Case, media: Path) -> None:
    data = pdf_bytes("Okänd").replace(
        b"/Root 1 0 R", b"/Root 1 0 R /Encrypt << /Filter /Okand /V 1 >>"
    )

    message = refused(case, media, upload("okand.pdf", data))

    assert message == "Filen okand.pdf kunde inte läsas som PDF; den kan vara skadad."


def test_a_docx_whose_compressed_text_is_damaged_is_refused(case: Case, media: Path) -> None:
    data = bytearray(docx_bytes("Text"))
    # The deflated text follows its name in the archive; zlib fails on its first byte inverted.
    data[data.index(b"word/document.xml") + len(b"word/document.xml")] ^= 0xFF

    message = refused(case, media, upload("trasig.docx", bytes(data)))

    assert (
        message
        == "Filen trasig.docx kunde inte läsas som Word-dokument (DOCX); den kan vara skadad."
    )


def test_an_email_nested_3000_parts_deep_is_refused(case: Case, media: Path) -> None:
    message = refused(case, media, upload("djup.eml", nested_eml_bytes(3000)))

    assert message == "Filen djup.eml kunde inte läsas som e-post (EML); den kan vara skadad."


def test_an_email_of_more_parts_within_parts_than_the_limit_is_refused_unread(
    case: Case, media: Path
) -> None:
    message = refused(case, media, upload("djup.eml", nested_eml_bytes(EMAIL_MULTIPARTS_LIMIT + 1)))
    taken = register(case, upload("bilagor.eml", nested_eml_bytes(EMAIL_MULTIPARTS_LIMIT)))

    assert "Hej" in taken.files.get().extracted_text
    assert message == "Filen djup.eml kunde inte läsas som e-post (EML); den kan vara skadad."


def test_an_email_nested_a_few_parts_deep_is_taken(case: Case, media: Path) -> None:
    document = register(case, upload("bilagor.eml", nested_eml_bytes(3)))

    assert "Hej" in document.files.get().extracted_text


def test_a_failure_after_the_files_were_stored_removes_them_again(case: Case, media: Path) -> None:
    with pytest.raises(ValidationError):
        services.document_register(
            actor=None,
            case=case,
            direction=Document.Direction.INCOMING,
            date=datetime.date(2026, 1, 14),
            counterpart="Anna Andersson",
            description="Brev",
            classification="inte en kod",
            files=[upload("brev.pdf", pdf_bytes("Brev"))],
        )

    assert not Document.objects.exists()
    assert stored_files(media) == []


def test_a_refused_registration_uses_no_number(case: Case, media: Path) -> None:
    with pytest.raises(ValidationError):
        register(case, upload("tom.pdf", b""))

    assert register(case).number == "KS 2026/00001-1"

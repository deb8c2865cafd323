"""Attachments as they come: LibreOffice makes DOCX, ODT and XLSX attachments PDFs in the
packet, an e-mail brings its text and then its attachments (a PPTX among them), and a file that
cannot be converted is named on a page that says why. The office files under files/ were made
by LibreOffice itself from text, each with a marker to find."""

import datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from kansli import pdf
from kansli.meetings import conversion, packets
from kansli.meetings.models import ItemAttachment
from kansli.meetings.tests.meeting_samples import Sample, meeting_with_agenda, pdf_text
from kansli.organisation.models import Organization
from kansli.registry import services as registry
from kansli.registry.models import Document
from kansli.registry.tests.samples import upload

FILES = Path(__file__).parent / "files"
MARKERS = {"bilaga.docx": "DOCXMARKOR5511", "yttrande.odt": "ODTMARKOR6622"}
MARKERS["budget.xlsx"] = "XLSXMARKOR7733"


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def sample(board: Organization) -> Sample:
    return meeting_with_agenda(board)


def attach(sample: Sample, name: str, data: bytes) -> Document:
    """Register a document with the file in the sample's public case and attach it to the
    case's item."""
    document = registry.document_register(
        actor=None,
        case=sample.case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 2, 3),
        description=f"Bilaga {name}",
        counterpart="Kulturnämnden",
        files=[upload(name, data)],
    )
    ItemAttachment.objects.create(item=sample.items[2], document=document, position=9)
    return document


def test_office_documents_are_converted_into_the_packet(sample: Sample) -> None:
    for name in MARKERS:
        attach(sample, name, (FILES / name).read_bytes())

    text = pdf_text(packets.members_packet(sample.meeting, None))

    for marker in MARKERS.values():
        assert marker in text
    # Only the sample's hand-made memo, which no office program reads, is named instead.
    assert text.count("kunde inte läggas in") == 1


def test_a_file_that_cannot_be_converted_is_named_with_the_reason(
    sample: Sample, media: Path
) -> None:
    document = attach(sample, "bilaga.docx", (FILES / "bilaga.docx").read_bytes())
    stored = document.files.get()
    (media / stored.storage_name).write_bytes(b"PK\x03\x04 trasig")

    text = pdf_text(packets.members_packet(sample.meeting, None))

    assert MARKERS["bilaga.docx"] not in text
    assert (
        "Bilagan bilaga.docx (Word-dokument (DOCX)) kunde inte läggas in i handlingarna. "
        "LibreOffice kunde inte läsa filen; den kan vara skadad. Den finns i diariet under "
        f"nummer {document.number}." in text
    )


def test_an_e_mail_brings_its_text_and_then_its_attachments(sample: Sample) -> None:
    message = EmailMessage()
    message["From"] = "kultur@example.se"
    message["To"] = "kommunstyrelsen@example.se"
    message["Subject"] = "Underlag till budgeten"
    message["Date"] = "Tue, 03 Feb 2026 09:00:00 +0100"
    message.set_content("Här kommer nämndens underlag. BREVMARKOR8844")
    message.add_attachment(
        (FILES / "bilaga.docx").read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="bilaga.docx",
    )
    attach(sample, "underlag.eml", message.as_bytes())

    text = pdf_text(packets.members_packet(sample.meeting, None))

    assert "Från: kultur@example.se" in text
    assert "BREVMARKOR8844" in text
    assert MARKERS["bilaga.docx"] in text


def test_a_converted_file_is_kept_by_its_checksum_and_not_converted_again(
    sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    attach(sample, "yttrande.odt", (FILES / "yttrande.odt").read_bytes())
    packets.members_packet(sample.meeting, None)

    def refuse(*arguments: object) -> bytes:
        raise conversion.ConversionError("Ingen ny konvertering väntad.")

    monkeypatch.setattr(conversion, "_convert", refuse)
    text = pdf_text(packets.public_packet(sample.meeting))

    assert MARKERS["yttrande.odt"] in text


def test_a_presentation_an_e_mail_brings_is_converted(sample: Sample) -> None:
    message = EmailMessage()
    message["From"] = "ekonomi@example.se"
    message["Subject"] = "Budgetdragningen"
    message["Date"] = "Tue, 03 Feb 2026 09:00:00 +0100"
    message.set_content("Bilderna från dragningen.")
    message.add_attachment(
        (FILES / "bildspel.pptx").read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.presentationml.presentation",
        filename="bildspel.pptx",
    )
    attach(sample, "dragning.eml", message.as_bytes())

    text = pdf_text(packets.members_packet(sample.meeting, None))

    assert "PPTXMARKOR9955" in text


def test_an_attachment_on_two_items_is_converted_once_and_placed_in_both(
    sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    docx = (FILES / "bilaga.docx").read_bytes()
    converted: list[bytes] = []

    def convert(data: bytes, suffix: str, *options: object) -> bytes:
        converted.append(data)
        return pdf.write(pdf.render(f"<p>{'KONVERTERAD' if data == docx else 'ANNAN'}</p>"))

    monkeypatch.setattr(conversion, "_convert", convert)
    document = attach(sample, "bilaga.docx", docx)
    ItemAttachment.objects.create(item=sample.items[1], document=document, position=9)

    text = pdf_text(packets.members_packet(sample.meeting, None))

    assert converted.count(docx) == 1
    assert text.count("KONVERTERAD") == 2

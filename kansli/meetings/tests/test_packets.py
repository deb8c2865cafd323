"""The notice and the packets of a meeting: what the members get, and what the public may see."""

import datetime
import io
from pathlib import Path

import pypdf
import pytest
from pytest_django.fixtures import Settings

from kansli.meetings import packets
from kansli.meetings.models import AgendaItem, ItemAttachment, Meeting
from kansli.meetings.tests.meeting_samples import (
    PUBLIC_MARKER,
    SECRET_CASE_TITLE,
    SECRET_MARKER,
    Sample,
    delegated_decision,
    meeting_with_agenda,
    pdf_text,
)
from kansli.organisation.models import Organization
from kansli.registry import services as registry
from kansli.registry.models import Document
from kansli.registry.tests.samples import pdf_bytes, upload


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def sample(board: Organization) -> Sample:
    return meeting_with_agenda(board)


def outline(data: bytes) -> list[tuple[int, str, int]]:
    """The bookmarks as (depth, title, page index), in order."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found: list[tuple[int, str, int]] = []

    def walk(entries: list, depth: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, entry.title, reader.get_destination_page_number(entry)))

    walk(reader.outline, 0)
    return found


def test_notice_names_the_meeting_and_its_agenda_in_swedish(sample: Sample) -> None:
    text = pdf_text(packets.notice_pdf(sample.meeting))

    assert "Kallelse" in text
    assert "Kommunstyrelsen" in text
    assert "tisdag 10 mars 2026 kl. 13:00–16:30" in text
    assert "Sessionssalen, Stadshuset" in text
    assert "Föredragningslista" in text
    for number, title in enumerate(
        ["Sammanträdets öppnande", "Val av justerare", "Budget för kultur 2027"], 1
    ):
        assert f"{number} {title}" in text
    assert sample.case.number in text
    assert "Hanna" in text and "Handläggare" in text  # the rapporteur
    assert "Sida 1 av 1" in text


def test_notice_of_a_cancelled_meeting_says_so(sample: Sample) -> None:
    sample.meeting.status = Meeting.Status.CANCELLED

    assert "Sammanträdet är inställt." in pdf_text(packets.notice_pdf(sample.meeting))


def test_members_packet_has_the_notice_then_each_item_with_its_attachments(
    sample: Sample,
) -> None:
    data = packets.members_packet(sample.meeting, None)
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]

    assert "Kallelse" in pages[0]
    assert "Punkt 3" in pages[3] and "Budget för kultur 2027" in pages[3]
    assert PUBLIC_MARKER in pages[4]  # the registered PDF, merged as it is
    assert "Fotografi av lokalen" in pages[5]  # the image, on a page of its own
    assert "anteckningar.docx" in pages[6] and sample.memo.number in pages[6]
    assert "Punkt 4" in pages[7] and SECRET_CASE_TITLE in pages[7]
    assert SECRET_MARKER in pages[8]
    assert len(pages) == 9
    for number, text in enumerate(pages, 1):
        assert f"Sida {number} av 9" in text


def test_members_packet_has_a_bookmark_per_item_with_its_attachments_beneath(
    sample: Sample,
) -> None:
    bookmarks = outline(packets.members_packet(sample.meeting, None))

    assert bookmarks == [
        (0, "Kallelse", 0),
        (0, "1. Sammanträdets öppnande", 1),
        (0, "2. Val av justerare", 2),
        (0, "3. Budget för kultur 2027", 3),
        (1, f"{sample.public_letter.number} Tjänsteskrivelse om kulturbudgeten", 4),
        (1, f"{sample.photo.number} Fotografi av lokalen", 5),
        (1, f"{sample.memo.number} Minnesanteckningar", 6),
        (0, f"4. {SECRET_CASE_TITLE}", 7),
        (1, f"{sample.secret_letter.number} Utredning om barnet", 8),
    ]


def test_a_secret_attachment_never_reaches_the_public_packet(sample: Sample) -> None:
    members = pdf_text(packets.members_packet(sample.meeting, None))
    public_data = packets.public_packet(sample.meeting)
    public = pdf_text(public_data)

    assert SECRET_MARKER in members
    assert SECRET_MARKER not in public
    assert SECRET_MARKER.encode() not in public_data
    assert "Handlingen omfattas av sekretess (OSL 26 kap. 1 §)" in public
    assert PUBLIC_MARKER in public  # what is not secret is there


def test_public_packet_masks_secret_case_titles_and_masked_entries(sample: Sample) -> None:
    data = packets.public_packet(sample.meeting)
    text = pdf_text(data)
    titles = [title for _depth, title, _page in outline(data)]

    assert SECRET_CASE_TITLE not in text
    assert "Utredning om barnet" not in text
    assert "Barnet placeras i familjehem." not in text  # the proposal of the secret case
    assert "4. [Sekretess enligt OSL 26 kap. 1 §]" in titles
    assert f"{sample.secret_letter.number} [Sekretess enligt OSL 26 kap. 1 §]" in titles
    assert not any(SECRET_CASE_TITLE in title for title in titles)


def test_a_document_attached_to_two_items_is_in_the_packet_under_each(sample: Sample) -> None:
    opening = sample.items[0]
    ItemAttachment.objects.create(item=opening, document=sample.public_letter)

    data = packets.members_packet(sample.meeting, None)
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]

    assert PUBLIC_MARKER in pages[2]  # after the first item's divider
    assert PUBLIC_MARKER in pages[5]  # and after the third's, as before
    assert len(pages) == 10
    assert (1, f"{sample.public_letter.number} Tjänsteskrivelse om kulturbudgeten", 2) in (
        outline(data)
    )


def test_the_report_of_delegated_decisions_lists_them_and_the_public_sees_their_type(
    sample: Sample,
) -> None:
    item = AgendaItem.objects.create(
        meeting=sample.meeting,
        position=9,
        kind=AgendaItem.Kind.DELEGATED_DECISIONS,
        title="Anmälan av delegationsbeslut",
    )
    item.reported_decisions.add(delegated_decision(sample, "Anställning av Kim Karlsson"))

    members = pdf_text(packets.members_packet(sample.meeting, None))
    public = pdf_text(packets.public_packet(sample.meeting))

    assert "Anmälda delegationsbeslut" in members
    assert "2026-02-20 Anställning av Kim Karlsson Hanna Handläggare KS 2026/00001 3.1.1" in (
        members
    )
    assert "2026-02-20 Anställning Hanna Handläggare KS 2026/00001 3.1.1" in public
    assert "Kim Karlsson" not in public


def test_a_pdf_locked_only_against_changes_is_merged(sample: Sample) -> None:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_bytes("LASTBILAGA2290")))
    writer.encrypt(user_password="", owner_password="ägarlösenord")
    locked = io.BytesIO()
    writer.write(locked)
    document = registry.document_register(
        actor=None,
        case=sample.case,
        direction=Document.Direction.DRAWN_UP,
        date=datetime.date(2026, 2, 2),
        description="Låst skrivelse",
        files=[upload("last.pdf", locked.getvalue())],
    )
    ItemAttachment.objects.create(item=sample.items[0], document=document)

    assert "LASTBILAGA2290" in pdf_text(packets.members_packet(sample.meeting, None))


def test_a_stored_pdf_that_cannot_be_read_is_named_on_a_page_of_its_own(
    sample: Sample, media: Path
) -> None:
    stored = sample.public_letter.files.get()
    (media / stored.storage_name).write_bytes(b"%PDF-1.4 trasig")

    text = pdf_text(packets.members_packet(sample.meeting, None))

    assert PUBLIC_MARKER not in text
    assert (
        "Bilagan skrivelse.pdf (PDF) kunde inte läggas in i handlingarna. PDF-filen kan inte "
        f"läsas. Den finns i diariet under nummer {sample.public_letter.number}." in text
    )

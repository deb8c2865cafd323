"""The page numbers stamped on a packet do not make it grow past the attachments it merges:
the stamped pages' content is compressed again and shared objects are written once (a packet
grew from 1.2 MB to 9.4 MB before)."""

import datetime
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from kansli import pdf
from kansli.meetings import packets
from kansli.meetings.models import AgendaItem, ItemAttachment, Meeting
from kansli.meetings.tests.meeting_samples import STOCKHOLM, pdf_text
from kansli.organisation.models import Organization
from kansli.registry import services as registry
from kansli.registry.models import Document
from kansli.registry.tests.samples import upload

ATTACHMENTS = 3
PAGES = 8
PARAGRAPH = (
    "Kommunstyrelsen följer upp verksamhetens utveckling under året och redovisar "
    "avvikelser mot budget, med förslag till åtgärder och en bedömning av måluppfyllelsen. "
)


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def report(number: int) -> bytes:
    """A registered report of `PAGES` pages of running text, as WeasyPrint makes a PDF."""
    pages = "".join(
        f'<section style="break-after: page"><h1>Rapport {number}, sida {page}</h1>'
        + f"<p>{PARAGRAPH * 12}</p></section>"
        for page in range(1, PAGES + 1)
    )
    return pdf.render(f'<html lang="sv"><body>{pages}</body></html>').write_pdf()


@pytest.fixture
def meeting(board: Organization) -> Meeting:
    """A meeting with one case item and three reports of eight pages each attached."""
    registry.number_series_set_format(
        actor=None, organization=board, year=2026, format="KS {year}/{number:05d}"
    )
    case = registry.case_open(
        actor=None,
        organization=board,
        title="Uppföljning 2026",
        opened_on=datetime.date(2026, 1, 5),
    )
    made = Meeting.objects.create(
        organization=board,
        starts_at=datetime.datetime(2026, 3, 10, 13, 0, tzinfo=STOCKHOLM),
        place="Sessionssalen",
    )
    item = AgendaItem.objects.create(meeting=made, position=1, title=case.title, case=case)
    for number in range(1, ATTACHMENTS + 1):
        document = registry.document_register(
            actor=None,
            case=case,
            direction=Document.Direction.DRAWN_UP,
            date=datetime.date(2026, 2, 1),
            description=f"Rapport {number}",
            files=[upload(f"rapport-{number}.pdf", report(number))],
        )
        ItemAttachment.objects.create(item=item, document=document, position=number)
    return made


def test_the_stamped_packet_is_near_the_size_of_its_pages_unstamped(
    meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamped = packets.members_packet(meeting, None)
    monkeypatch.setattr(pdf, "stamp_page_numbers", lambda writer, label: None)
    unstamped = packets.members_packet(meeting, None)

    pages = 2 + ATTACHMENTS * PAGES  # the notice, the item's divider, the reports
    assert f"Sida {pages} av {pages}" in pdf_text(stamped)
    assert "Sida 1 av" not in pdf_text(unstamped)
    assert len(stamped) <= 1.3 * len(unstamped)

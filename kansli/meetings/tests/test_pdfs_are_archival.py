"""Every PDF of a meeting that Kansli makes is PDF/A-2 with its fonts embedded: the notice, the
packets (their page numbers stamped in an embedded font), with the body, the organ and the
meeting's day in the XMP metadata; the stored minutes are in test_minutes_frozen.py. A packet
that merges a registered PDF keeps that file's own fonts as they are."""

import pytest

from kansli.meetings import packets, services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.meeting_samples import Sample, meeting_with_agenda
from kansli.organisation.models import Organization
from kansli.tests.pdfa import fonts_not_embedded, is_pdfa_2, xmp


@pytest.fixture
def sample(board: Organization) -> Sample:
    return meeting_with_agenda(board)


def test_the_notice_is_pdfa_with_the_body_and_organ_in_its_metadata(sample: Sample) -> None:
    notice = packets.notice_pdf(sample.meeting)

    assert is_pdfa_2(notice)
    metadata = xmp(notice)
    assert sample.meeting.organization.body.name in metadata
    assert sample.meeting.organization.name in metadata
    assert f"{sample.meeting.starts_at:%Y-%m-%d}" in metadata


def test_a_packet_of_our_own_pages_is_pdfa_its_page_numbers_included(meeting: Meeting) -> None:
    services.item_add(actor=None, meeting=meeting, title="Budget 2027", proposal="Att anta.")

    packet = packets.public_packet(meeting)

    assert is_pdfa_2(packet)


def test_a_merged_packet_stamps_its_page_numbers_in_an_embedded_font(sample: Sample) -> None:
    packet = packets.members_packet(sample.meeting, None)

    assert 'pdfaid:part="2"' in xmp(packet)
    # Only the registered attachment's own Helvetica (the sample's /F1) is not embedded.
    assert set(fonts_not_embedded(packet)) <= {"/F1 /Helvetica"}

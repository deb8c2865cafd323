"""The officer's report (tjänsteskrivelse) written in Kansli goes with its item into the notice
and both packets: whole to the members, and to the public as the registry's visibility shows
the case, so that a secret case's report is named as secret and its text left out."""

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from kansli.meetings import packets
from kansli.meetings.tests.meeting_samples import Sample, meeting_with_agenda, pdf_text
from kansli.organisation.models import Organization
from kansli.preparation import services as preparation

PUBLIC_REPORT = "Kulturnämnden föreslår en ram på 40 miljoner kronor"
SECRET_REPORT = "Utredningen visar att barnet behöver ett familjehem"


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def sample(board: Organization) -> Sample:
    """The sample meeting, each case with its officer's report written in Kansli."""
    sample = meeting_with_agenda(board)
    preparation.report_save(
        actor=None,
        case=sample.case,
        text=PUBLIC_REPORT + ".",
        clauses=["att anta budgeten för kultur 2027", "att uppdra åt nämnden att följa upp"],
        financing="Inom kommunstyrelsens ram.",
    )
    preparation.report_save(
        actor=None, case=sample.secret_case, text=SECRET_REPORT + ".", clauses=["att placera"]
    )
    return sample


def test_the_members_packet_has_each_items_report_whole(sample: Sample) -> None:
    text = pdf_text(packets.members_packet(sample.meeting, None))

    assert text.count("Tjänsteskrivelse: Budget för kultur 2027") == 1
    assert PUBLIC_REPORT in text
    assert "Förslag till beslut" in text
    assert "att anta budgeten för kultur 2027" in text
    assert "att uppdra åt nämnden att följa upp" in text
    assert "Finansiering Inom kommunstyrelsens ram." in text
    assert SECRET_REPORT in text


def test_the_public_packet_has_the_public_report_and_not_the_secret_ones_text(
    sample: Sample,
) -> None:
    text = pdf_text(packets.public_packet(sample.meeting))

    assert PUBLIC_REPORT in text
    assert SECRET_REPORT not in text
    assert "Tjänsteskrivelsen omfattas av sekretess (OSL 26 kap. 1 §) och ingår inte här." in text
    assert sample.secret_case.title not in text


def test_the_notice_has_the_reports_as_the_public_sees_them(sample: Sample) -> None:
    text = pdf_text(packets.notice_pdf(sample.meeting))

    assert PUBLIC_REPORT in text
    assert SECRET_REPORT not in text
    assert "Tjänsteskrivelsen omfattas av sekretess" in text

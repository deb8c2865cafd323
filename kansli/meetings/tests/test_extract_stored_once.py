"""The protokollsutdrag of a paragraph is laid out once per version of what it shows and kept
in the storage beside the meeting's other documents (`kansli.generated`): asked again, it is
read, not laid out."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from kansli import pdf
from kansli.meetings import packets
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import approved, case_item
from kansli.tests.crawl import pdf_text


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path) -> list[int]:
    settings.MEDIA_ROOT = tmp_path / "media"
    made: list[int] = []
    write = pdf.write

    def counted(document: object) -> bytes:
        made.append(1)
        return write(document)

    monkeypatch.setattr(pdf, "write", counted)
    return made


def test_the_extract_is_stored_once_per_version(
    ks: Board,
    meeting: Meeting,
    frozen_now: Callable[[datetime.datetime], None],
    layouts: list[int],
) -> None:
    frozen_now(at(DAY, 15))
    item = case_item(approved(ks, meeting))

    first = packets.extract_stored(item)
    made = len(layouts)
    again = packets.extract_stored(item)

    assert first == again
    assert first.name.startswith(f"generated/meetings/{meeting.pk}/protokollsutdrag-{item.pk}-")
    assert len(layouts) == made
    assert f"§ {item.minute_number}" in pdf_text(first.read())

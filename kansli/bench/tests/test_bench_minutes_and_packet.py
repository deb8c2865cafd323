"""`kansli bench minutes` sends minutes for justering and has the chair and two checkers sign
them through the services; `kansli bench packet` builds a members' packet of DOCX attachments
converted by LibreOffice, with the conversion cache cold and warm. Both at a tiny size, with
no limit on the time, and neither leaves anything behind."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django.fixtures import Settings

from kansli.meetings.models import Meeting
from kansli.organisation.models import Body


@pytest.fixture
def folders(settings: Settings, tmp_path: Path) -> list[Path]:
    """The configured storage and signing folders, to see that the bench writes in neither."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KANSLI_SIGNING_DIR = tmp_path / "signing"
    return [settings.MEDIA_ROOT, settings.KANSLI_SIGNING_DIR]


def bench(*arguments: str) -> str:
    out = StringIO()
    call_command("bench", *arguments, stdout=out)
    return out.getvalue()


def assert_nothing_left(folders: list[Path]) -> None:
    assert not Meeting.objects.exists()
    assert not Body.objects.exists()
    assert not [path for folder in folders for path in folder.rglob("*")]


def test_bench_minutes_sends_and_signs_a_tiny_meeting_and_leaves_nothing(
    db: None, folders: list[Path]
) -> None:
    report = bench("minutes", "--paragraphs", "4", "--runs", "2")

    assert "Protokoll, 4 paragrafer" in report
    assert "giltiga signaturer: Ledamot1 Bänk, Ledamot2 Bänk, Ledamot3 Bänk" in report
    for step in ("skickas för justering", "ordförande", "justerare 1", "justerare 2"):
        assert re.search(rf"{step}.*: median [\d.]+ s, min [\d.]+ s, max [\d.]+ s \(2 ", report)
    assert_nothing_left(folders)


def test_bench_packet_converts_tiny_docx_attachments_and_leaves_nothing(
    db: None, folders: list[Path]
) -> None:
    report = bench("packet", "--attachments", "2", "--pages", "3", "--runs", "1")

    # The notice (1 page), a divider for each of the two items, two attachments of 3 pages.
    assert "Ledamotshandlingar med 2 DOCX-bilagor (9 sidor, " in report
    assert "bilagorna bara sammanfogade" in report
    assert re.search(r"cachen tom .*: median [\d.]+ s", report)
    assert re.search(r"cachen fylld: median [\d.]+ s", report)
    assert_nothing_left(folders)

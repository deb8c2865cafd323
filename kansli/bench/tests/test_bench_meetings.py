"""`kansli bench meetings` times the members' packet and the minutes: a smoke test at a tiny
size, with no limit on the time, that also checks it leaves nothing behind."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command
from pytest_django.fixtures import Settings

from kansli.meetings.models import Meeting
from kansli.organisation.models import Body


def test_bench_meetings_measures_a_tiny_meeting_and_leaves_nothing(
    db: None, settings: Settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    out = StringIO()

    call_command(
        "bench",
        "meetings",
        "--items",
        "2",
        "--attachments",
        "3",
        "--pages",
        "2",
        "--paragraphs",
        "4",
        "--runs",
        "1",
        stdout=out,
    )

    report = out.getvalue()
    # The notice (1 page), two dividers and three attachments of two pages.
    assert "Ledamotshandlingar, 2 punkter och 3 bilagor: 9 sidor" in report
    assert "Protokoll, 4 paragrafer:" in report
    assert not Meeting.objects.exists()
    assert not Body.objects.exists()
    assert not [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]

"""`kansli generated sweep`: the stored versions of a generated document that a newer version
superseded more than the given days ago are removed; the newest of each document stays however
old, a younger superseded one stays, and a file of another name is left alone."""

import datetime
import io
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from pytest_django.fixtures import Settings

from kansli import generated


@pytest.fixture
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def stored(
    media: Path, owner: str, kind: str, text: str, days_ago: int, *, whole: bool = True
) -> str:
    """A version of the document stored `days_ago` days ago (the storage's time is the file's)."""
    made = generated.stored(owner, kind, generated.digest(text), lambda: (text.encode(), whole))
    moment = (timezone.now() - datetime.timedelta(days=days_ago)).timestamp()
    os.utime(media / made.name, (moment, moment))
    return made.name


def sweep(days: str = "30") -> str:
    out = io.StringIO()
    call_command("generated", "sweep", "--days", days, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_only_versions_superseded_longer_ago_than_the_days_are_removed(media: Path) -> None:
    oldest = stored(media, "meetings/1", "kallelse", "första", 50)
    superseded_lately = stored(media, "meetings/1", "kallelse", "andra", 40)
    newest = stored(media, "meetings/1", "kallelse", "tredje", 10)
    alone = stored(media, "meetings/1", "handlingar", "enda", 100)
    partial = stored(media, "meetings/2", "handlingar", "ofullständig", 60, whole=False)
    whole = stored(media, "meetings/2", "handlingar", "hel", 50)
    other = media / "generated" / "meetings" / "1" / "anteckning.txt"
    other.write_text("inte en lagrad version")

    output = sweep()

    remaining = {str(path.relative_to(media)) for path in media.rglob("*") if path.is_file()}
    assert remaining == {
        superseded_lately,
        newest,
        alone,
        whole,
        "generated/meetings/1/anteckning.txt",
    }
    assert f"Borttagen: {oldest}" in output
    assert f"Borttagen: {partial}" in output
    assert "2 ersatta versioner togs bort." in output


@pytest.mark.django_db
def test_nothing_stored_yet_removes_nothing(media: Path) -> None:
    assert "0 ersatta versioner togs bort." in sweep()


@pytest.mark.parametrize("days", ["0", "-1", "trettio"])
def test_the_days_must_be_a_positive_number(days: str) -> None:
    with pytest.raises(CommandError, match="--days"):
        sweep(days)

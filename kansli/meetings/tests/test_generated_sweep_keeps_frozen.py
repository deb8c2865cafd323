"""`kansli generated sweep` never removes a frozen document: the approved minutes are kept in
their record's fields, and a file a record names is kept even where the sweep looks, however
long a newer version has superseded it."""

import datetime
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from pytest_django.fixtures import Settings

from kansli import generated
from kansli.audit import services as audit
from kansli.meetings.models import Meeting
from kansli.meetings.selectors import minutes_version
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import approved


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def age_everything(media: Path, days: int) -> None:
    moment = (timezone.now() - datetime.timedelta(days=days)).timestamp()
    for path in media.rglob("*"):
        if path.is_file():
            os.utime(path, (moment, moment))


def test_the_approved_minutes_and_a_file_a_record_names_are_never_swept(
    ks: Board, meeting: Meeting, media: Path, frozen_now: Callable[[datetime.datetime], None]
) -> None:
    frozen_now(at(DAY, 15))
    held = approved(ks, meeting)
    version = minutes_version(meeting=held)
    assert version is not None
    # The frozen minutes named from where the sweep looks, and a newer version beside them.
    owner = f"meetings/{held.pk}"
    named = f"{generated.FOLDER}/{owner}/protokoll-{version.sha256}.pdf"
    with version.file.open("rb") as signed:
        default_storage.save(named, signed)
    audit.update(actor=None, instance=version, file=named)
    newer = generated.stored(owner, "protokoll", "f" * 64, lambda: (b"%PDF newer", True))
    age_everything(media, 60)

    call_command("generated", "sweep", "--days", "1", stdout=io.StringIO())

    version.refresh_from_db()
    for kept in (str(version.file), str(version.public_file), newer.name):
        assert default_storage.exists(kept), kept

"""`kansli audit verify` reads every stored minutes file and fails, naming the meeting and the
version, when one was changed or is missing; untouched, it passes."""

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from kansli.meetings.models import Meeting
from kansli.meetings.tests import justering
from kansli.meetings.tests.conftest import Board
from kansli.meetings.tests.justering import Clock


@pytest.fixture
def approved(ks: Board, meeting: Meeting, frozen_now: Clock) -> Meeting:
    return justering.approved(ks, meeting, frozen_now)


def test_untouched_minutes_pass(approved: Meeting) -> None:
    call_command("audit", "verify")


def test_a_changed_minutes_file_fails_verify_naming_meeting_and_version(
    approved: Meeting,
) -> None:
    version = approved.minutes_versions.get()
    with open(default_storage.path(version.public_file.name), "r+b") as stored:
        stored.seek(-20, 2)
        stored.write(b"% Beslutet andrat  \n")

    with pytest.raises(CommandError) as failed:
        call_command("audit", "verify")

    message = str(failed.value)
    assert "Protokoll Kommunstyrelsen 2026-12-01, version 1" in message
    assert version.public_file.name in message
    assert "kontrollsumman" in message


def test_a_missing_minutes_file_fails_verify(approved: Meeting) -> None:
    version = approved.minutes_versions.get()
    default_storage.delete(version.file.name)

    with pytest.raises(CommandError, match=r"version 1.*filen saknas"):
        call_command("audit", "verify")

"""Minutes approved before Kansli stored them are stored once by `kansli minutes
store-approved`: rendered now, marked as stored after the fact in the file, on the version and
in its event, and from then on served from the store; run again, it stores nothing."""

import datetime
import hashlib
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client

from kansli.accounts.models import Role
from kansli.accounts.services import user_create
from kansli.audit import services as audit
from kansli.audit.models import Event
from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.meetings.tests import sitting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.justering import Clock
from kansli.meetings.tests.meeting_samples import pdf_text

APPROVED_AT = at(DAY + datetime.timedelta(days=2), 9)


@pytest.fixture
def legacy(ks: Board, meeting: Meeting, frozen_now: Clock) -> Meeting:
    """The board's meeting held and closed, then approved as before stored minutes: no
    version."""
    frozen_now(at(DAY, 11))
    meeting = sitting.opened(ks, meeting)
    for item in meeting.items.filter(case__isnull=False):
        services.item_decide(actor=None, item=item)
    services.meeting_close(actor=None, meeting=meeting)
    Meeting.objects.filter(pk=meeting.pk).update(
        status=Meeting.Status.APPROVED, approved_at=APPROVED_AT
    )
    frozen_now(at(DAY + datetime.timedelta(days=20), 9))
    return Meeting.objects.get(pk=meeting.pk)


def store() -> str:
    out = io.StringIO()
    call_command("minutes", "store-approved", stdout=out)
    return out.getvalue()


def test_approved_minutes_without_a_version_are_stored_once_and_served(
    legacy: Meeting, ks: Board
) -> None:
    printed = store()

    version = legacy.minutes_versions.get()
    assert "1 protokoll lagrade" in printed and version.sha256 in printed
    assert (version.number, version.after_the_fact) == (1, True)
    assert version.approved_at == APPROVED_AT
    with version.file.open("rb") as file:
        full = file.read()
    assert hashlib.sha256(full).hexdigest() == version.sha256
    assert "Lagrat i efterhand" in pdf_text(full)
    event = Event.objects.get(action="minutesversion.create")
    assert event.after["after_the_fact"] is True
    assert event.after["sha256"] == version.sha256

    url = sitting.page("meetings:public_minutes", legacy)
    before = Client().get(url).content
    audit.update(actor=None, instance=ks.chair, family_name="Nyberg")
    with version.public_file.open("rb") as file:
        assert Client().get(url).content == before == file.read()

    assert "0 protokoll lagrade" in store()
    assert legacy.minutes_versions.count() == 1


def test_a_board_member_may_not_store_them(legacy: Meeting, ks: Board) -> None:
    member = user_create(
        actor=None, username="bo", password=None, roles=[Role.ELECTED_MEMBER], person=ks.bo
    )

    with pytest.raises(PermissionDenied):
        services.minutes_store_approved(actor=member, meeting=legacy)

    assert not legacy.minutes_versions.exists()

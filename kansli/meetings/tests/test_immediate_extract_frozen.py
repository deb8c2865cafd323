"""A paragraph approved at once (omedelbar justering) has its protokollsutdrag frozen when its
last signer approves it: rendered once, stored, its SHA-256 in the log, and from then on served
and sent in expediering from the stored file, unchanged by later changes to people. A secret
case's extract is not served to the public."""

import hashlib

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.audit import services as audit
from kansli.audit.models import Event
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests import sitting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.justering import Clock
from kansli.meetings.tests.meeting_samples import pdf_text


def approve_at_once(ks: Board, item: AgendaItem) -> None:
    for person in (ks.chair, ks.bo):
        services.item_approve_immediately(actor=None, item=item, person=person)


def extract_url(item: AgendaItem) -> str:
    meeting = item.meeting
    return reverse(
        "meetings:item_extract", args=[meeting.organization.body.slug, meeting.pk, item.pk]
    )


def test_the_extract_is_stored_when_approved_and_served_as_stored(
    ks: Board, secretary: User, meeting: Meeting, frozen_now: Clock
) -> None:
    frozen_now(at(DAY, 11))
    meeting = sitting.opened(ks, meeting)
    item = sitting.case_item(meeting)
    services.item_decide(actor=None, item=item)
    services.recipients_set(actor=None, item=item, recipients="Kulturnämnden")

    approve_at_once(ks, item)

    item.refresh_from_db()
    extract = item.frozen_extract
    with extract.file.open("rb") as file:
        content = file.read()
    assert hashlib.sha256(content).hexdigest() == extract.sha256
    assert extract.made_at == at(DAY, 11)
    text = pdf_text(content)
    assert "Protokollsutdrag" in text and f"§ {item.minute_number}" in text
    assert "Paragrafen justerades omedelbart" in text and "Utkast" not in text
    event = Event.objects.get(action="itemextract.create")
    assert event.after["sha256"] == extract.sha256

    audit.update(actor=None, instance=ks.chair, family_name="Nyberg")
    served = Client().get(extract_url(item))
    assert served.status_code == 200
    assert served.content == content
    assert "Anna Nyberg" not in pdf_text(served.content)

    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.APPROVED)
    [document] = services.extracts_register(actor=secretary, meeting=meeting)
    with default_storage.open(document.files.get().storage_name) as sent:
        assert sent.read() == content


def test_a_secret_cases_extract_is_not_served_to_the_public(
    ks: Board, meeting: Meeting, frozen_now: Clock
) -> None:
    frozen_now(at(DAY, 11))
    meeting = sitting.opened(ks, meeting)
    item = sitting.case_item(meeting, sitting.SECRET_TITLE)
    services.item_decide(actor=None, item=item)

    approve_at_once(ks, item)

    assert item.frozen_extract.sha256
    assert Client().get(extract_url(item)).status_code == 404


def test_a_changed_extract_fails_audit_verify(
    ks: Board, meeting: Meeting, frozen_now: Clock
) -> None:
    frozen_now(at(DAY, 11))
    meeting = sitting.opened(ks, meeting)
    item = sitting.case_item(meeting)
    services.item_decide(actor=None, item=item)
    approve_at_once(ks, item)
    call_command("audit", "verify")
    name = AgendaItem.objects.get(pk=item.pk).frozen_extract.file.name
    with open(default_storage.path(name), "r+b") as stored:
        stored.seek(-20, 2)
        stored.write(b"% Beslutet andrat  \n")

    with pytest.raises(CommandError, match="Protokollsutdrag Kommunstyrelsen 2026-12-01 § "):
        call_command("audit", "verify")

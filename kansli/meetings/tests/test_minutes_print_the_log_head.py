"""The approved minutes print the event log's head at justering: an anchor of the log outside
the database that `kansli audit verify --anchors` can check later."""

import datetime
from collections.abc import Callable
from pathlib import Path

from django.core.management import call_command

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.audit.selectors import anchors_read
from kansli.meetings import packets, services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests.conftest import Board, at
from kansli.meetings.tests.meeting_samples import pdf_text


def test_the_approved_minutes_print_the_log_head_at_justering(
    secretary: User,
    meeting: Meeting,
    ks: Board,
    frozen_now: Callable[..., None],
    tmp_path: Path,
) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)
    services.attendance_prefill(actor=secretary, meeting=meeting)
    services.meeting_open(actor=secretary, meeting=meeting)
    services.minutes_checkers_set(actor=secretary, meeting=meeting, persons=[ks.bo])
    for item in meeting.items.order_by("position"):
        services.item_note(actor=secretary, item=item, status=AgendaItem.Status.NOTED)
    services.meeting_close(actor=secretary, meeting=meeting)
    frozen_now(at(datetime.date(2026, 12, 3), 9))
    for who in (ks.chair, ks.bo):
        services.minutes_approve(actor=secretary, meeting=meeting, person=who)

    posting = meeting.postings.get()
    approved = Event.objects.get(action="meeting.update", after__status=Meeting.Status.APPROVED)
    text = pdf_text(packets.minutes_pdf(meeting, public=True))
    anchors = tmp_path / "anchors"
    anchors.write_text(text)

    assert (posting.chain_seq, posting.chain_hash) == (approved.seq, approved.hash)
    assert anchors_read(text.splitlines()) == [(approved.seq, approved.hash)]
    call_command("audit", "verify", "--anchors", str(anchors))

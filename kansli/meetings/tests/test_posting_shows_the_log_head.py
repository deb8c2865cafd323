"""The posting of approved minutes shows the event log's head at justering, on the notice board
and the meeting's public page: an anchor of the log outside the database that
`kansli audit verify --anchors` can check later. (The stored minutes cannot print it: they are
fixed when sent for justering, before the head at justering exists.)"""

import datetime
from collections.abc import Callable
from pathlib import Path

from django.core.management import call_command
from django.test import Client

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.audit.selectors import anchors_read
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests.conftest import Board, at
from kansli.meetings.tests.sitting import page


def test_the_posting_shows_the_log_head_at_justering(
    secretary: User,
    meeting: Meeting,
    ks: Board,
    frozen_now: Callable[..., None],
    tmp_path: Path,
) -> None:
    frozen_now(at(datetime.date(2026, 12, 1), 11))
    services.agenda_build(actor=secretary, meeting=meeting)
    services.attendance_prefill(actor=secretary, meeting=meeting)
    services.meeting_open(actor=secretary, meeting=meeting)
    services.minutes_checkers_set(actor=secretary, meeting=meeting, persons=[ks.bo])
    for item in meeting.items.order_by("position"):
        services.item_note(actor=secretary, item=item, status=AgendaItem.Status.NOTED)
    services.meeting_close(actor=secretary, meeting=meeting)
    services.minutes_send_for_approval(actor=secretary, meeting=meeting)
    frozen_now(at(datetime.date(2026, 12, 3), 9))
    for who in (ks.chair, ks.bo):
        services.minutes_approve(actor=secretary, meeting=meeting, person=who)

    posting = meeting.postings.get()
    approved = Event.objects.get(action="meeting.update", after__status=Meeting.Status.APPROVED)
    public_page = Client().get(page("meetings:public_agenda", meeting)).content.decode()
    board = Client().get(f"/{meeting.organization.body.slug}/anslagstavla/").content.decode()
    anchors = tmp_path / "anchors"
    anchors.write_text(public_page)

    assert (posting.chain_seq, posting.chain_hash) == (approved.seq, approved.hash)
    assert anchors_read(public_page.splitlines()) == [(approved.seq, approved.hash)]
    assert anchors_read(board.splitlines()) == [(approved.seq, approved.hash)]
    call_command("audit", "verify", "--anchors", str(anchors))

"""The demo board's meetings: a plan for the year and the latest past meeting held, approved
and posted; a second load adds nothing."""

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from kansli.accounts.models import User
from kansli.demo.services import load_demo
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting, Vote

NOW = datetime.datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("Europe/Stockholm"))


def test_the_board_has_its_plan_and_its_latest_meeting_approved_and_posted(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timezone, "now", lambda: NOW)

    load_demo()

    plan = Meeting.objects.filter(
        organization__body__slug="vanersborg", organization__slug="ks", starts_at__year=2026
    )
    assert plan.count() == 11
    held = plan.get(status=Meeting.Status.APPROVED)
    assert timezone.localdate(held.starts_at) == datetime.date(2026, 11, 4)
    assert held.attendance.filter(serves_for__isnull=False).count() == 1
    case_item = held.items.get(kind=AgendaItem.Kind.CASE)
    assert case_item.votes.get().method == Vote.Method.ROLL_CALL
    assert case_item.dissents.count() == 1
    assert case_item.decision is not None
    posting = held.postings.get()
    assert posting.posted_on == datetime.date(2026, 11, 25)
    assert posting.last_appeal_day == datetime.date(2026, 12, 16)

    load_demo()

    assert plan.count() == 11


def test_the_secretary_can_send_the_notice_of_the_boards_next_meeting(
    db: None, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    load_demo()
    secretary = User.objects.get(username="sekreterare")
    upcoming = Meeting.objects.filter(
        organization__body__slug="vanersborg",
        organization__slug="ks",
        status=Meeting.Status.PLANNED,
        starts_at__gt=NOW,
    ).first()
    services.agenda_build(actor=secretary, meeting=upcoming)

    with django_capture_on_commit_callbacks(execute=True):
        deliveries = services.notice_send(actor=secretary, meeting=upcoming)

    assert deliveries
    assert all(d.address.endswith("@vanersborg.example") for d in deliveries)
    assert len(mail.outbox) == len(deliveries)

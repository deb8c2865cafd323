"""The demo board's meetings: a plan for the year and the latest past meeting held, approved
and posted; a second load adds nothing."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kansli.demo.services import load_demo
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

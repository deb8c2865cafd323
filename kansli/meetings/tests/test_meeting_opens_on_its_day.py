"""A meeting is opened no earlier than its day (in local time): held before it, its decisions
would be dated in the future and its § numbers would run against time."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, at


@pytest.fixture
def present(secretary: User, meeting: Meeting) -> Meeting:
    services.agenda_build(actor=secretary, meeting=meeting)
    services.attendance_prefill(actor=secretary, meeting=meeting)
    return meeting


def test_a_meeting_is_not_opened_before_its_day(
    secretary: User, present: Meeting, frozen_now: Callable[[datetime.datetime], None]
) -> None:
    # Half past eleven the evening before, in Stockholm.
    frozen_now(at(DAY - datetime.timedelta(days=1), 23) + datetime.timedelta(minutes=30))

    with pytest.raises(ValidationError, match="hålls 2026-12-01 och kan inte öppnas före"):
        services.meeting_open(actor=secretary, meeting=present)

    present.refresh_from_db()
    assert (present.status, present.opened_at) == (Meeting.Status.PLANNED, None)


def test_a_meeting_is_opened_on_its_day_even_before_the_hour(
    secretary: User, present: Meeting, frozen_now: Callable[[datetime.datetime], None]
) -> None:
    frozen_now(at(DAY, 8))

    opened = services.meeting_open(actor=secretary, meeting=present)

    assert opened.status == Meeting.Status.OPENED
    assert opened.opened_at == at(DAY, 8)

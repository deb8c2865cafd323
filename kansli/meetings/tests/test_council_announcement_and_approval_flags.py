"""The council's meeting is announced on the notice board at least a week before the meeting
day (KL 5 kap. 11 §) and its minutes are approved within 14 days (KL 5 kap. 69 §): the day of
the announcement is recorded, and a meeting that misses either is flagged on its page and in
the plan."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kansli.accounts.models import User
from kansli.meetings import selectors, services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import action_url, page, signed_in
from kansli.organisation import services as organisation
from kansli.organisation.models import Organization

D = datetime.date
NOT_ANNOUNCED = (
    "Sammanträdet är inte tillkännagivet på anslagstavlan: det ska ske senast 2026-11-24, en "
    "vecka före sammanträdesdagen (KL 5 kap. 11 §)."
)


@pytest.fixture
def council_meeting(ks: Board, schedule: Callable[..., Meeting]) -> Meeting:
    """A meeting of the council on Tuesday 1 December 2026."""
    council = organisation.organization_create(
        actor=None,
        body=ks.organization.body,
        kind=Organization.Kind.COUNCIL,
        slug="kf",
        name="Kommunfullmäktige",
    )
    return schedule(DAY, organization=council)


def announce(
    secretary: User, meeting: Meeting, frozen_now: Callable[..., None], on: datetime.date
) -> Meeting:
    frozen_now(at(on))
    return services.announcement_record(actor=secretary, meeting=meeting)


def test_a_council_meeting_not_announced_is_flagged(council_meeting: Meeting) -> None:
    assert selectors.council_flags(meeting=council_meeting, on=D(2026, 11, 20)) == [NOT_ANNOUNCED]


def test_an_announcement_later_than_a_week_ahead_is_flagged(
    secretary: User, council_meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    meeting = announce(secretary, council_meeting, frozen_now, D(2026, 11, 26))

    assert meeting.announced_on == D(2026, 11, 26)
    assert selectors.council_flags(meeting=meeting, on=D(2026, 11, 26)) == [
        "Tillkännagivandet anslogs 2026-11-26, senare än en vecka före sammanträdesdagen "
        "(senast 2026-11-24, KL 5 kap. 11 §)."
    ]


def test_minutes_not_approved_within_fourteen_days_are_flagged(
    secretary: User, council_meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    meeting = announce(secretary, council_meeting, frozen_now, D(2026, 11, 24))

    assert selectors.council_flags(meeting=meeting, on=D(2026, 12, 15)) == []
    assert selectors.council_flags(meeting=meeting, on=D(2026, 12, 16)) == [
        "Protokollet ska justeras senast 2026-12-15 (KL 5 kap. 69 §); det är inte justerat."
    ]
    Meeting.objects.filter(pk=meeting.pk).update(
        status=Meeting.Status.APPROVED, approved_at=at(D(2026, 12, 17))
    )
    meeting.refresh_from_db()
    assert selectors.council_flags(meeting=meeting, on=D(2027, 2, 1)) == [
        "Protokollet ska justeras senast 2026-12-15 (KL 5 kap. 69 §); det justerades 2026-12-17."
    ]


def test_the_board_is_neither_announced_nor_flagged(secretary: User, meeting: Meeting) -> None:
    assert selectors.council_flags(meeting=meeting, on=D(2027, 2, 1)) == []
    with pytest.raises(ValidationError, match="Bara fullmäktiges"):
        services.announcement_record(actor=secretary, meeting=meeting)


def test_the_secretary_records_the_announcement_and_the_pages_flag_what_is_missing(
    secretary: User, council_meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    client = signed_in(secretary)
    plan = reverse("meetings:meeting_plan", args=[council_meeting.organization.body.slug])
    query = {"organisation": council_meeting.organization_id, "ar": 2026}

    assert NOT_ANNOUNCED in client.get(page("meetings:meeting_detail", council_meeting)).text
    assert NOT_ANNOUNCED in client.get(plan, query).text

    frozen_now(at(D(2026, 11, 30)))
    response = client.post(
        action_url(council_meeting, "tillkannagivande"),
        {"tillkannagivande-anslaget": "2026-11-20"},
    )

    assert response.status_code == 302
    council_meeting.refresh_from_db()
    assert council_meeting.announced_on == D(2026, 11, 20)
    assert NOT_ANNOUNCED not in client.get(page("meetings:meeting_detail", council_meeting)).text

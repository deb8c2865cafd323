"""A notice sent too late for the organ's notice period warns; after the meeting has begun it
is refused. The period: the organ's own from its reglemente, else a week for the council (KL 5
kap. 11-12 §§) and five days for a board or committee."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.audit import services as audit
from kansli.meetings import selectors, services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import confirm_url, page, signed_in
from kansli.organisation import services as organisation
from kansli.organisation.models import Organization

Clock = Callable[[datetime.datetime], None]


def days_before(n: int) -> datetime.date:
    return DAY - datetime.timedelta(days=n)


def test_a_board_is_called_five_days_ahead_by_default(meeting: Meeting) -> None:
    period = selectors.notice_period(meeting=meeting)

    assert (period.days, period.latest) == (5, days_before(5))
    assert selectors.notice_warning(meeting=meeting, on=days_before(5)) == ""
    assert selectors.notice_warning(meeting=meeting, on=days_before(4)) == (
        "Kallelsen är sen: den ska skickas senast 2026-11-26, 5 dagar före sammanträdesdagen "
        "(reglementet, standard för nämnder)."
    )


def test_the_council_is_called_a_week_ahead_by_law(
    schedule: Callable[..., Meeting], ks: Board
) -> None:
    council = organisation.organization_create(
        actor=None,
        body=ks.organization.body,
        kind=Organization.Kind.COUNCIL,
        slug="kf",
        name="Kommunfullmäktige",
    )
    meeting = schedule(organization=council)

    assert selectors.notice_period(meeting=meeting).latest == days_before(7)
    assert "KL 5 kap. 11–12 §§" in selectors.notice_warning(meeting=meeting, on=days_before(6))


def test_the_organs_reglemente_sets_its_own_period(meeting: Meeting, ks: Board) -> None:
    audit.update(actor=None, instance=ks.organization, notice_days=10)
    meeting.refresh_from_db()

    period = selectors.notice_period(meeting=meeting)

    assert (period.days, period.latest, period.source) == (
        10,
        days_before(10),
        "organets reglemente",
    )


def test_a_late_notice_is_sent_and_the_pages_warn(
    secretary: User, meeting: Meeting, frozen_now: Clock, django_capture_on_commit_callbacks: Any
) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)
    frozen_now(at(days_before(2)))
    client = signed_in(secretary)
    confirm = client.get(confirm_url(meeting, "kallelse"))

    with django_capture_on_commit_callbacks(execute=True):
        services.notice_send(actor=secretary, meeting=meeting)
    detail = client.get(page("meetings:meeting_detail", meeting))

    assert mail.outbox
    assert "Kallelsen är sen: den ska skickas senast 2026-11-26" in confirm.content.decode()
    assert "Kallelsen är sen: den ska skickas senast 2026-11-26" in detail.content.decode()


def test_a_notice_in_time_shows_no_warning(
    secretary: User, meeting: Meeting, frozen_now: Clock
) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)
    frozen_now(at(days_before(10)))

    services.notice_send(actor=secretary, meeting=meeting)
    frozen_now(at(days_before(1)))  # the page looks at when it was sent, not at today
    html = signed_in(secretary).get(page("meetings:meeting_detail", meeting)).content.decode()

    assert "Kallelsen är sen" not in html


def test_no_notice_once_the_meeting_has_begun(
    secretary: User, meeting: Meeting, frozen_now: Clock
) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)
    frozen_now(at(DAY, 10) + datetime.timedelta(minutes=1))

    with pytest.raises(ValidationError, match="Sammanträdet har redan börjat"):
        services.notice_send(actor=secretary, meeting=meeting)

    meeting.refresh_from_db()
    assert (meeting.notice_sent_at, mail.outbox) == (None, [])

"""Approving the minutes and posting them: who signs (here on paper, recorded by the secretary;
signing in one's own session is test_minutes_signed.py), the delegated decisions then reported,
the posting's dates from legal_time, a late posting flagged, and immediate approval."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.decisions.selectors import decisions_unreported
from kansli.meetings import selectors, services
from kansli.meetings.models import AgendaItem, Meeting, Posting
from kansli.meetings.tests.conftest import DAY, Board, at, delegated_decision


@pytest.fixture
def closed(secretary: User, meeting: Meeting, ks: Board) -> Meeting:
    """The meeting held: agenda with a delegated decision reported, Bo Berg checks the
    minutes, every item noted, closed."""
    delegated_decision(ks, "Ny enhetsindelning", DAY - datetime.timedelta(days=30))
    services.agenda_build(actor=secretary, meeting=meeting)
    services.attendance_prefill(actor=secretary, meeting=meeting)
    services.meeting_open(actor=secretary, meeting=meeting)
    services.minutes_checkers_set(actor=secretary, meeting=meeting, persons=[ks.bo])
    for item in meeting.items.order_by("position"):
        services.item_note(actor=secretary, item=item, status=AgendaItem.Status.NOTED)
    return services.meeting_close(actor=secretary, meeting=meeting)


@pytest.fixture
def sent(secretary: User, closed: Meeting, frozen_now: Callable[..., None]) -> Meeting:
    """The closed meeting's minutes sent for justering on 2 December 2026 at 16."""
    frozen_now(at(datetime.date(2026, 12, 2), 16))
    services.minutes_send_for_approval(actor=secretary, meeting=closed)
    return closed


def approve(
    secretary: User,
    meeting: Meeting,
    ks: Board,
    when: datetime.datetime,
    frozen_now: Callable[..., None],
    now: datetime.datetime,
) -> None:
    """Send the minutes for justering at `when`, and at `now` record that the chair and the
    checker signed them on paper at `when`."""
    frozen_now(when)
    services.minutes_send_for_approval(actor=secretary, meeting=meeting)
    frozen_now(now)
    for who in (ks.chair, ks.bo):
        services.minutes_approve(actor=secretary, meeting=meeting, person=who, approved_at=when)


def test_the_minutes_are_approved_when_chair_and_checker_have_signed(
    secretary: User, sent: Meeting, ks: Board, frozen_now: Callable[..., None]
) -> None:
    closed = sent
    frozen_now(at(datetime.date(2026, 12, 3), 9))

    first = services.minutes_approve(actor=secretary, meeting=closed, person=ks.chair)
    closed.refresh_from_db()
    assert closed.status == Meeting.Status.CLOSED
    assert not closed.postings.exists()

    services.minutes_approve(actor=secretary, meeting=closed, person=ks.bo)

    closed.refresh_from_db()
    assert first.role == "chair"
    assert first.method == "paper"
    assert first.version == closed.minutes_versions.get()
    assert closed.status == Meeting.Status.APPROVED
    assert closed.approved_at == at(datetime.date(2026, 12, 3), 9)
    posting = closed.postings.get()
    assert posting.posted_on == posting.approved_on == datetime.date(2026, 12, 3)
    assert posting.minutes_kept_at == "Kommunkansliet, Vänersborgs kommun"
    assert not posting.late


def test_only_the_chair_and_the_checkers_sign(secretary: User, sent: Meeting, ks: Board) -> None:
    with pytest.raises(ValidationError, match="varken ordförande eller justerare"):
        services.minutes_approve(actor=secretary, meeting=sent, person=ks.david)


def test_minutes_not_sent_for_justering_cannot_be_approved(
    secretary: User, closed: Meeting, ks: Board
) -> None:
    with pytest.raises(ValidationError, match="inte skickat för justering"):
        services.minutes_approve(actor=secretary, meeting=closed, person=ks.chair)


def test_a_paper_signature_is_not_dated_before_the_minutes_were_sent(
    secretary: User, sent: Meeting, ks: Board, frozen_now: Callable[..., None]
) -> None:
    frozen_now(at(datetime.date(2026, 12, 3), 9))
    with pytest.raises(ValidationError, match="efter att protokollet skickats"):
        services.minutes_approve(
            actor=secretary,
            meeting=sent,
            person=ks.chair,
            approved_at=at(datetime.date(2026, 12, 2), 10),
        )


def test_delegated_decisions_are_reported_once_the_minutes_are_approved(
    secretary: User, sent: Meeting, ks: Board, frozen_now: Callable[..., None]
) -> None:
    closed = sent
    item = closed.items.get(kind=AgendaItem.Kind.DELEGATED_DECISIONS)
    [decision] = item.reported_decisions.all()
    frozen_now(at(datetime.date(2026, 12, 3), 9))
    services.minutes_approve(actor=secretary, meeting=closed, person=ks.chair)
    assert decisions_unreported(organization=ks.organization, on=DAY).exists()

    services.minutes_approve(actor=secretary, meeting=closed, person=ks.bo)

    decision.refresh_from_db()
    assert decision.reported_on == DAY
    assert decision.reported_in == f"KS 2026-12-01 § {item.minute_number}"
    assert not decisions_unreported(organization=ks.organization, on=DAY).exists()


def test_posting_after_approval_before_easter_is_due_the_tuesday_after(
    secretary: User, schedule: Callable[..., Meeting], ks: Board, frozen_now: Callable[..., None]
) -> None:
    # Approved on Maundy Thursday 2 April 2026: the second day after is Saturday 4 April;
    # Easter Sunday and Easter Monday follow, so the posting is due Tuesday 7 April
    # (KL 8 kap. 12 §, fristlagen 2 §).
    meeting = schedule(datetime.date(2026, 3, 31))
    services.attendance_prefill(actor=secretary, meeting=meeting)
    services.meeting_open(actor=secretary, meeting=meeting)
    services.minutes_checkers_set(actor=secretary, meeting=meeting, persons=[ks.bo])
    services.meeting_close(actor=secretary, meeting=meeting)

    approve(
        secretary,
        meeting,
        ks,
        at(datetime.date(2026, 4, 2), 11),
        frozen_now,
        now=at(datetime.date(2026, 4, 7), 15),
    )

    posting = meeting.postings.get()
    assert posting.approved_on == datetime.date(2026, 4, 2)
    assert posting.posting_due == datetime.date(2026, 4, 7)
    assert posting.posted_on == datetime.date(2026, 4, 7)
    assert not posting.late


def test_a_posting_after_the_day_it_was_due_is_late(
    secretary: User, closed: Meeting, ks: Board, frozen_now: Callable[..., None]
) -> None:
    approve(
        secretary,
        closed,
        ks,
        at(datetime.date(2026, 12, 3), 16),
        frozen_now,
        now=at(datetime.date(2026, 12, 8), 9),
    )

    posting = closed.postings.get()
    assert posting.posting_due == datetime.date(2026, 12, 7)
    assert posting.late


def test_the_appeal_period_across_new_year_ends_on_the_next_weekday(
    secretary: User, schedule: Callable[..., Meeting], ks: Board, frozen_now: Callable[..., None]
) -> None:
    # Posted Friday 11 December 2026: three weeks later is New Year's Day, Friday 1 January
    # 2027, a public holiday; the weekend follows, so the last day to appeal is Monday
    # 4 January (KL 13 kap. 5 §, fristlagen 2 §), and the posting comes down on 5 January.
    meeting = schedule(datetime.date(2026, 12, 9))
    frozen_now(at(datetime.date(2026, 12, 9), 11))
    services.attendance_prefill(actor=secretary, meeting=meeting)
    services.meeting_open(actor=secretary, meeting=meeting)
    services.minutes_checkers_set(actor=secretary, meeting=meeting, persons=[ks.bo])
    services.meeting_close(actor=secretary, meeting=meeting)
    approve(
        secretary,
        meeting,
        ks,
        at(datetime.date(2026, 12, 11), 10),
        frozen_now,
        now=at(datetime.date(2026, 12, 11), 14),
    )

    posting = meeting.postings.get()
    assert posting.posted_on == datetime.date(2026, 12, 11)
    assert posting.last_appeal_day == datetime.date(2027, 1, 4)
    assert posting.taken_down_on == datetime.date(2027, 1, 5)
    on_board = selectors.current_postings(body=ks.organization.body, on=datetime.date(2027, 1, 4))
    assert list(on_board) == [posting]
    gone = selectors.current_postings(body=ks.organization.body, on=datetime.date(2027, 1, 5))
    assert not gone.exists()


def test_an_item_approved_immediately_is_posted_on_its_own(
    secretary: User, meeting: Meeting, ks: Board, frozen_now: Callable[..., None]
) -> None:
    frozen_now(at(DAY, 11))
    services.attendance_prefill(actor=secretary, meeting=meeting)
    item = services.item_add(actor=secretary, meeting=meeting, title="Brådskande", proposal="Ja")
    services.meeting_open(actor=secretary, meeting=meeting)
    services.minutes_checkers_set(actor=secretary, meeting=meeting, persons=[ks.bo])
    services.item_decide(actor=secretary, item=item)

    services.item_approve_immediately(actor=secretary, item=item, person=ks.chair)
    services.item_approve_immediately(actor=secretary, item=item, person=ks.bo)

    item.refresh_from_db()
    assert item.approved_immediately_at == at(DAY, 11)
    posting = Posting.objects.get(item=item)
    assert (posting.approved_on, posting.posted_on) == (DAY, DAY)
    assert posting.last_appeal_day == datetime.date(2026, 12, 22)


def test_an_undealt_item_cannot_be_approved_immediately(
    secretary: User, meeting: Meeting, ks: Board
) -> None:
    services.attendance_prefill(actor=secretary, meeting=meeting)
    item = services.item_add(actor=secretary, meeting=meeting, title="Ej behandlad")
    services.meeting_open(actor=secretary, meeting=meeting)
    services.minutes_checkers_set(actor=secretary, meeting=meeting, persons=[ks.bo])

    with pytest.raises(ValidationError, match="behandlad punkt"):
        services.item_approve_immediately(actor=secretary, item=item, person=ks.chair)

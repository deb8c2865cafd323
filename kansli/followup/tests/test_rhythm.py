"""When an attested duty is next due, by its rhythm (pure: no database)."""

import datetime

from kansli.followup.rhythm import GRACE, Rhythm, a_year_after, standing

ON = datetime.date(2026, 6, 15)
START = datetime.date(2019, 1, 30)


def test_a_yearly_duty_is_due_a_year_after_its_last_attestation() -> None:
    position = standing(
        rhythm=Rhythm.YEARLY, start=START, last=datetime.date(2025, 7, 1), occasions=[], on=ON
    )

    assert (position.due_on, position.overdue, position.due_soon) == (
        datetime.date(2026, 7, 1),
        False,
        True,
    )


def test_a_yearly_duty_never_attested_was_due_a_year_after_the_instruction() -> None:
    position = standing(rhythm=Rhythm.YEARLY, start=START, last=None, occasions=[], on=ON)

    assert (position.due_on, position.overdue) == (datetime.date(2020, 1, 30), True)


def test_a_leap_day_is_due_on_the_28th_a_year_later() -> None:
    assert a_year_after(datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 28)


def test_a_duty_per_meeting_is_due_a_fortnight_after_the_first_meeting_not_attested() -> None:
    meetings = [datetime.date(2026, 5, 1), datetime.date(2026, 6, 1), datetime.date(2026, 7, 1)]

    position = standing(
        rhythm=Rhythm.PER_MEETING,
        start=START,
        last=datetime.date(2026, 4, 1),
        occasions=meetings,
        on=ON,
    )

    assert (position.due_on, position.uncovered, position.overdue) == (
        datetime.date(2026, 5, 1) + GRACE,
        2,
        True,
    )


def test_an_attestation_covers_every_meeting_up_to_its_day() -> None:
    meetings = [datetime.date(2026, 5, 1), datetime.date(2026, 6, 1), datetime.date(2026, 7, 1)]

    position = standing(rhythm=Rhythm.PER_MEETING, start=START, last=ON, occasions=meetings, on=ON)

    assert (position.due_on, position.uncovered, position.overdue) == (
        datetime.date(2026, 7, 1) + GRACE,
        0,
        False,
    )


def test_a_duty_per_event_without_events_is_not_due() -> None:
    position = standing(rhythm=Rhythm.PER_EVENT, start=START, last=None, occasions=[], on=ON)

    assert (position.due_on, position.overdue, position.due_soon) == (None, False, False)

"""The latest day to announce the council's meeting on the notice board: "minst en vecka före
sammanträdesdagen" (KL 5 kap. 11 §), the same weekday a week before (fristlagen 1 §). Counted
back from the meeting, fristlagen 2 § does not move it: a holiday on that day neither makes
it later (which would shorten the week) nor earlier (the digital notice board is open every
day)."""

import datetime

import pytest

from kansli import legal_time

D = datetime.date


@pytest.mark.parametrize(
    ("meeting_day", "latest"),
    [
        (D(2026, 12, 1), D(2026, 11, 24)),  # an ordinary Tuesday
        (D(2026, 12, 31), D(2026, 12, 24)),  # julafton stays the last day
        (D(2027, 1, 4), D(2026, 12, 28)),  # across the new year
        (D(2026, 4, 13), D(2026, 4, 6)),  # annandag påsk stays the last day
        (D(2026, 6, 26), D(2026, 6, 19)),  # midsommarafton stays the last day
        (D(2026, 6, 22), D(2026, 6, 15)),  # a Monday: the Monday before
    ],
)
def test_the_announcement_is_due_the_same_weekday_a_week_before(
    meeting_day: datetime.date, latest: datetime.date
) -> None:
    assert legal_time.announcement_latest(meeting_day) == latest
    assert legal_time.announcement_latest(meeting_day).weekday() == meeting_day.weekday()


def test_holidays_do_not_move_the_announcement_day() -> None:
    meeting_day = D(2026, 12, 31)
    latest = legal_time.announcement_latest(meeting_day)

    assert not legal_time.is_weekday_for_deadlines(latest)  # julafton
    assert latest == meeting_day - datetime.timedelta(weeks=1)

"""The council's two dates around a meeting: the announcement on the notice board at least a
week before the meeting day (KL 5 kap. 11 §), and the minutes approved within 14 days after it
(KL 5 kap. 69 §), the latter moved by fristlagen 2 § when the day is no vardag."""

import datetime

import pytest

from kansli.legal_time import announcement_latest, council_minutes_due

D = datetime.date


@pytest.mark.parametrize(
    ("meeting_day", "latest"),
    [
        (D(2026, 12, 14), D(2026, 12, 7)),  # Monday: the Monday before
        (D(2027, 1, 7), D(2026, 12, 31)),  # a week back is nyårsafton: not moved
        (D(2026, 4, 10), D(2026, 4, 3)),  # långfredagen a week back: not moved
    ],
)
def test_the_announcement_is_due_the_same_weekday_a_week_before(
    meeting_day: datetime.date, latest: datetime.date
) -> None:
    assert announcement_latest(meeting_day) == latest


@pytest.mark.parametrize(
    ("meeting_day", "due"),
    [
        (D(2026, 12, 14), D(2026, 12, 28)),  # Monday: two weeks on, a Monday
        (D(2026, 12, 10), D(2026, 12, 28)),  # julafton, juldagen, the weekend: Monday
        (D(2026, 3, 19), D(2026, 4, 2)),  # Thursday: the Thursday before Easter
        (D(2026, 3, 21), D(2026, 4, 7)),  # påskafton, påskdagen, annandag påsk: Tuesday
    ],
)
def test_the_councils_minutes_are_due_fourteen_days_after_or_the_next_vardag(
    meeting_day: datetime.date, due: datetime.date
) -> None:
    assert council_minutes_due(meeting_day) == due

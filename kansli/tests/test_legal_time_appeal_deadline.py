"""The appeal period of a posting: three weeks from the day of posting (KL 13 kap 5 §, fristlagen
1 §), the last day moved to the next vardag (fristlagen 2 §), the posting down the day after."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kansli.legal_time import AppealPeriod, appeal_deadline, deadline, is_weekday_for_deadlines

D = datetime.date
THREE_WEEKS = datetime.timedelta(weeks=3)


def test_a_last_day_on_an_ordinary_weekday_stays():
    period = appeal_deadline(D(2026, 9, 1))

    assert period == AppealPeriod(
        posted=D(2026, 9, 1), last_day=D(2026, 9, 22), taken_down=D(2026, 9, 23)
    )
    assert period.last_day.weekday() == period.posted.weekday()


@pytest.mark.parametrize(
    ("posted", "lands_on", "last_day"),
    [
        # Julafton (Tue) 2024, juldagen, annandag jul: Friday the 27th.
        (D(2024, 12, 3), "julafton", D(2024, 12, 27)),
        # Julafton (Thu) 2026, juldagen Fri, annandag jul Sat, Sunday: Monday the 28th.
        (D(2026, 12, 3), "julafton", D(2026, 12, 28)),
        # Julafton (Wed) 2025: five days on, Monday the 29th.
        (D(2025, 12, 3), "julafton", D(2025, 12, 29)),
        # Midsommarafton (Fri) 2026, midsommardagen, Sunday: Monday.
        (D(2026, 5, 29), "midsommarafton", D(2026, 6, 22)),
        # Nyårsafton (Thu) 2026 into the new year: nyårsdagen Fri, the weekend, Monday 4 January.
        (D(2026, 12, 10), "nyårsafton", D(2027, 1, 4)),
        (D(2026, 12, 11), "nyårsdagen", D(2027, 1, 4)),
        (D(2025, 12, 16), "trettondedag jul", D(2026, 1, 7)),
        # Långfredagen 2026, påskafton (a Saturday), påskdagen, annandag påsk: Tuesday.
        (D(2026, 3, 13), "långfredagen", D(2026, 4, 7)),
        (D(2025, 3, 31), "annandag påsk", D(2025, 4, 22)),
        (D(2026, 4, 23), "Kristi himmelsfärdsdag", D(2026, 5, 15)),
        (D(2026, 4, 10), "första maj", D(2026, 5, 4)),
        # Nationaldagen on a Friday (2025) and on a Saturday (2026): Monday either way.
        (D(2025, 5, 16), "nationaldagen", D(2025, 6, 9)),
        (D(2026, 5, 16), "nationaldagen", D(2026, 6, 8)),
        (D(2026, 10, 10), "alla helgons dag", D(2026, 11, 2)),
    ],
)
def test_a_last_day_on_a_holiday_or_named_eve_moves_to_the_next_vardag(posted, lands_on, last_day):
    period = appeal_deadline(posted)

    assert not is_weekday_for_deadlines(posted + THREE_WEEKS), lands_on
    assert period.last_day == last_day
    assert period.taken_down == last_day + datetime.timedelta(days=1)


def test_a_period_that_crosses_new_year_without_landing_on_a_holiday_stays():
    period = appeal_deadline(D(2025, 12, 15))

    assert period.last_day == D(2026, 1, 5)


def test_the_day_before_a_holiday_that_the_law_does_not_name_stays():
    # The national day 2026 is a Saturday, so Friday 5 June is a vardag; so is allhelgonaafton.
    assert appeal_deadline(D(2026, 5, 15)).last_day == D(2026, 6, 5)
    assert appeal_deadline(D(2026, 10, 9)).last_day == D(2026, 10, 30)


def test_the_json_shape_is_iso_dates_under_three_names():
    assert appeal_deadline(D(2026, 6, 1)).as_dict() == {
        "posted": "2026-06-01",
        "last_day": "2026-06-22",
        "taken_down": "2026-06-23",
    }


postings = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))


@settings(deadline=None)
@given(postings)
def test_the_last_day_is_the_first_vardag_from_three_weeks_after_posting(posted):
    period = appeal_deadline(posted)
    three_weeks_later = posted + THREE_WEEKS
    skipped = (period.last_day - three_weeks_later).days

    assert period.last_day >= three_weeks_later
    assert is_weekday_for_deadlines(period.last_day)
    # The longest run of days that are no vardag is five, e.g. julafton on a Wednesday.
    assert skipped <= 5
    assert not any(
        is_weekday_for_deadlines(three_weeks_later + datetime.timedelta(days=n))
        for n in range(skipped)
    )
    assert period.taken_down == period.last_day + datetime.timedelta(days=1)


@settings(deadline=None)
@given(postings)
def test_deadline_leaves_a_vardag_alone_and_is_idempotent(day):
    moved = deadline(day)

    assert deadline(moved) == moved
    assert (moved == day) == is_weekday_for_deadlines(day)

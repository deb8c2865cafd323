"""Working days, for "handled within one working day": the vardagar of fristlagen 2 §."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kansli.legal_time import add_working_days, is_weekday_for_deadlines, working_days_between

D = datetime.date


def test_one_working_day_after_a_friday_is_the_monday():
    assert add_working_days(D(2026, 3, 13), 1) == D(2026, 3, 16)
    assert working_days_between(D(2026, 3, 13), D(2026, 3, 16)) == 1


def test_a_request_received_before_christmas_is_due_after_the_holidays():
    # Friday 23 December 2022; julafton Saturday, juldagen Sunday, annandag jul Monday.
    assert add_working_days(D(2022, 12, 23), 1) == D(2022, 12, 27)


def test_a_request_received_on_a_sunday_counts_from_the_monday():
    assert add_working_days(D(2026, 3, 15), 1) == D(2026, 3, 16)
    assert working_days_between(D(2026, 3, 15), D(2026, 3, 16)) == 1


def test_a_request_handled_the_same_day_took_no_working_day():
    assert add_working_days(D(2026, 3, 11), 0) == D(2026, 3, 11)
    assert working_days_between(D(2026, 3, 11), D(2026, 3, 11)) == 0


def test_a_request_handled_after_midsummer_took_two_working_days():
    # Thursday 18 June 2026; midsommarafton, midsommardagen, Sunday; Monday and Tuesday.
    assert working_days_between(D(2026, 6, 18), D(2026, 6, 23)) == 2


def test_a_week_of_easter_has_three_working_days():
    # Monday to the Monday after Easter 2026: Tuesday, Wednesday and skärtorsdagen.
    assert working_days_between(D(2026, 3, 30), D(2026, 4, 6)) == 3


def test_negative_counts_and_reversed_spans_are_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2026, 3, 11), -1)
    with pytest.raises(ValueError):
        working_days_between(D(2026, 3, 11), D(2026, 3, 10))


days = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))


@settings(deadline=None)
@given(days, st.integers(min_value=1, max_value=60))
def test_adding_working_days_lands_on_a_vardag_and_counts_back(start, n):
    end = add_working_days(start, n)

    assert is_weekday_for_deadlines(end)
    assert working_days_between(start, end) == n
    assert working_days_between(start, end - datetime.timedelta(days=1)) == n - 1

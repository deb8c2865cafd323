import datetime

from kansli.registry.working_days import is_working_day, next_working_day


def test_the_working_day_after_a_friday_is_monday() -> None:
    assert next_working_day(datetime.date(2026, 1, 16)) == datetime.date(2026, 1, 19)


def test_easter_is_skipped() -> None:
    # Maundy Thursday 2026-04-02; Good Friday and Easter Monday are holidays.
    assert next_working_day(datetime.date(2026, 4, 2)) == datetime.date(2026, 4, 7)


def test_midsummer_eve_christmas_eve_and_new_years_eve_are_not_working_days() -> None:
    assert not is_working_day(datetime.date(2026, 6, 19))
    assert not is_working_day(datetime.date(2026, 12, 24))
    assert not is_working_day(datetime.date(2026, 12, 31))
    assert next_working_day(datetime.date(2026, 12, 23)) == datetime.date(2026, 12, 28)


def test_an_ordinary_weekday_is_a_working_day() -> None:
    assert is_working_day(datetime.date(2026, 1, 14))

"""The public holidays of lag (1989:253) om allmänna helgdagar, computed here from the law's own
words and compared with `legal_time`, year by year."""

import datetime

import pytest

from kansli.legal_time import is_holiday, is_weekday_for_deadlines

D = datetime.date


def easter_sunday(year: int) -> datetime.date:
    """Påskdagen, "söndagen närmast efter den fullmåne som infaller på eller närmast efter den 21
    mars" (1989:253 2 §), by the Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return D(year, month, day + 1)


def saturday_between(start: datetime.date, end: datetime.date) -> datetime.date:
    (saturday,) = [
        start + datetime.timedelta(days=n)
        for n in range((end - start).days + 1)
        if (start + datetime.timedelta(days=n)).weekday() == 5
    ]
    return saturday


def every_day_of(year: int) -> list[datetime.date]:
    first = D(year, 1, 1)
    return [first + datetime.timedelta(days=n) for n in range((D(year + 1, 1, 1) - first).days)]


def holidays_by_law(year: int) -> set[datetime.date]:
    """1989:253 1-2 §§ as worded since 2005 (lag 2004:1320), every Sunday included."""
    easter = easter_sunday(year)
    days = {
        D(year, 1, 1),  # nyårsdagen
        D(year, 1, 6),  # trettondedag jul
        easter - datetime.timedelta(days=2),  # långfredagen: the Friday before påskdagen
        easter,  # påskdagen
        easter + datetime.timedelta(days=1),  # annandag påsk
        easter + datetime.timedelta(weeks=5, days=4),  # Kristi himmelsfärdsdag: 6th Thursday after
        easter + datetime.timedelta(weeks=7),  # pingstdagen: 7th Sunday after
        D(year, 5, 1),  # första maj
        D(year, 6, 6),  # nationaldagen
        saturday_between(D(year, 6, 20), D(year, 6, 26)),  # midsommardagen
        saturday_between(D(year, 10, 31), D(year, 11, 6)),  # alla helgons dag
        D(year, 12, 25),  # juldagen
        D(year, 12, 26),  # annandag jul
    }
    return days | {d for d in every_day_of(year) if d.weekday() == 6}


def test_the_easter_algorithm_of_the_test_matches_known_easter_sundays():
    assert [easter_sunday(y) for y in (2024, 2025, 2026, 2027, 2038)] == [
        D(2024, 3, 31),
        D(2025, 4, 20),
        D(2026, 4, 5),
        D(2027, 3, 28),
        D(2038, 4, 25),
    ]


@pytest.mark.parametrize("year", range(2005, 2101))
def test_every_day_of_the_year_is_a_holiday_exactly_when_the_law_says_so(year):
    expected = holidays_by_law(year)

    assert {d for d in every_day_of(year) if is_holiday(d)} == expected


@pytest.mark.parametrize(
    ("good_friday", "easter_monday", "ascension"),
    [
        (D(2024, 3, 29), D(2024, 4, 1), D(2024, 5, 9)),
        (D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 29)),
        (D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 14)),
        (D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 6)),
        (D(2038, 4, 23), D(2038, 4, 26), D(2038, 6, 3)),
    ],
)
def test_easter_and_ascension_move_with_the_year(good_friday, easter_monday, ascension):
    maundy_thursday = good_friday - datetime.timedelta(days=1)

    assert is_holiday(good_friday)
    assert is_holiday(easter_monday)
    assert is_holiday(ascension)
    assert ascension.weekday() == 3
    assert not is_holiday(maundy_thursday)
    assert is_weekday_for_deadlines(maundy_thursday)
    assert not is_holiday(ascension + datetime.timedelta(days=1))


def test_easter_eve_is_no_holiday_but_a_saturday():
    easter_eve = D(2026, 4, 4)

    assert not is_holiday(easter_eve)
    assert not is_weekday_for_deadlines(easter_eve)


@pytest.mark.parametrize(
    ("eve", "day"),
    [
        (D(2024, 6, 21), D(2024, 6, 22)),
        (D(2025, 6, 20), D(2025, 6, 21)),
        (D(2026, 6, 19), D(2026, 6, 20)),
        (D(2027, 6, 25), D(2027, 6, 26)),
        (D(2038, 6, 25), D(2038, 6, 26)),
    ],
)
def test_midsummer_day_is_the_saturday_20_to_26_june_and_its_eve_no_vardag(eve, day):
    assert is_holiday(day)
    assert day.weekday() == 5
    assert not is_holiday(eve)
    assert eve.weekday() == 4
    assert not is_weekday_for_deadlines(eve)


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2027, 2038])
def test_christmas_and_new_year(year):
    christmas_eve, christmas_day, boxing_day = D(year, 12, 24), D(year, 12, 25), D(year, 12, 26)
    new_years_eve, new_years_day = D(year, 12, 31), D(year + 1, 1, 1)

    assert not is_holiday(christmas_eve)
    assert not is_weekday_for_deadlines(christmas_eve)
    assert is_holiday(christmas_day)
    assert is_holiday(boxing_day)
    assert not is_holiday(new_years_eve)
    assert not is_weekday_for_deadlines(new_years_eve)
    assert is_holiday(new_years_day)
    assert is_holiday(D(year + 1, 1, 6))


def test_the_national_day_is_a_holiday_on_a_weekday_and_on_a_weekend():
    friday_2025, saturday_2026, wednesday_2029 = D(2025, 6, 6), D(2026, 6, 6), D(2029, 6, 6)

    assert [d.weekday() for d in (friday_2025, saturday_2026, wednesday_2029)] == [4, 5, 2]
    assert is_holiday(friday_2025)
    assert is_holiday(saturday_2026)
    assert is_holiday(wednesday_2029)
    assert is_weekday_for_deadlines(D(2026, 6, 5))
    assert not is_weekday_for_deadlines(wednesday_2029)


@pytest.mark.parametrize(
    "all_saints", [D(2024, 11, 2), D(2025, 11, 1), D(2026, 10, 31), D(2027, 11, 6)]
)
def test_all_saints_day_is_the_saturday_31_october_to_6_november(all_saints):
    assert is_holiday(all_saints)
    assert all_saints.weekday() == 5
    assert is_weekday_for_deadlines(all_saints - datetime.timedelta(days=1))


def test_the_eves_the_law_does_not_name_are_vardagar_on_a_weekday():
    twelfth_night_2026 = D(2026, 1, 5)
    walpurgis_night_2026 = D(2026, 4, 30)
    all_saints_eve_2026 = D(2026, 10, 30)

    assert is_weekday_for_deadlines(twelfth_night_2026)
    assert is_weekday_for_deadlines(walpurgis_night_2026)
    assert is_weekday_for_deadlines(all_saints_eve_2026)


def test_sundays_and_saturdays():
    assert is_holiday(D(2026, 3, 8))
    assert not is_weekday_for_deadlines(D(2026, 3, 8))
    assert not is_holiday(D(2026, 3, 7))
    assert not is_weekday_for_deadlines(D(2026, 3, 7))
    assert is_weekday_for_deadlines(D(2026, 3, 9))


def test_a_datetime_is_refused_rather_than_counted_wrong():
    with pytest.raises(TypeError):
        is_holiday(datetime.datetime(2026, 12, 25, 9, 0))  # noqa: DTZ001 - the point of the test

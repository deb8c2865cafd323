import datetime

from kansli.demo.services import dhondt, mandate_period

date = datetime.date


def test_the_period_starts_on_15_october_of_the_election_year():
    assert mandate_period(date(2026, 11, 25)) == (date(2026, 10, 15), date(2030, 10, 14))
    assert mandate_period(date(2026, 10, 15)) == (date(2026, 10, 15), date(2030, 10, 14))


def test_the_day_before_belongs_to_the_previous_period():
    assert mandate_period(date(2026, 10, 14)) == (date(2022, 10, 15), date(2026, 10, 14))
    assert mandate_period(date(2030, 10, 15)) == (date(2030, 10, 15), date(2034, 10, 14))


def test_dhondt_gives_seats_in_proportion_and_the_largest_parties_the_rest():
    council = {"S": 17, "SD": 11, "M": 9, "C": 4, "V": 3, "KD": 3, "L": 2, "MP": 2}

    assert dhondt(council, 51) == council
    assert dhondt(council, 5) == {"S": 3, "SD": 1, "M": 1, "C": 0, "V": 0, "KD": 0, "L": 0, "MP": 0}

"""Swedish working days, for how long a public records request may wait.

Pure Python: no Django. A working day is Monday to Friday that is not a public holiday, nor
Midsummer Eve, Christmas Eve or New Year's Eve, which Fristlagen (1930:173) 2 § treats as
holidays. (To move into `legal_time` when that module exists.)
"""

import datetime
from functools import cache

import holidays


@cache
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.Sweden(years=year, categories=(holidays.PUBLIC, holidays.DE_FACTO))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def next_working_day(day: datetime.date) -> datetime.date:
    """The first working day after `day`."""
    day += datetime.timedelta(days=1)
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day

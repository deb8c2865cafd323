"""Legal time: every date the law sets, computed in one place.

Pure Python over `datetime.date`, no Django, so the meetings app, the notice board, the API and
the command line all get the same answer and it can be tested on its own. Three laws decide:

- lag (1989:253) om allmänna helgdagar, 1-2 §§: which days are public holidays ("allmän
  helgdag"): every Sunday, nyårsdagen, trettondedag jul, långfredagen, påskdagen, annandag påsk,
  Kristi himmelsfärdsdag, första maj, nationaldagen, midsommardagen (the Saturday 20-26 June),
  alla helgons dag (the Saturday 31 October-6 November), juldagen and annandag jul. The
  `holidays` package keeps that calendar; its PUBLIC category is exactly this list without the
  Sundays, which come from the weekday here.
- lag (1930:173) om beräkning av lagstadgad tid (fristlagen), 1 §: a period counted in weeks
  ends on the day "som genom sitt namn i veckan ... motsvarar den, från vilken tidräkningen
  börjas", the same weekday. 2 §: "Infaller den tid, då enligt lag eller särskild författning
  en åtgärd senast ska vidtas, på en söndag, annan allmän helgdag, lördag, midsommarafton,
  julafton eller nyårsafton, får åtgärden vidtas nästa vardag." The three eves are the
  `holidays` package's DE_FACTO category for Sweden.
- kommunallagen (2017:725), KL: 5 kap 11 § (the council's meeting is announced on the notice
  board at least a week before), 5 kap 69 § (the council's minutes approved within 14 days),
  8 kap 12 § (the approval of the minutes is announced on the
  notice board at the latest the second day after the approval; the announcement stays up until
  the appeal period has run out) and 13 kap 5 § (an appeal must have come in within three
  weeks from the day the announcement was posted).
"""

import datetime
from dataclasses import dataclass
from functools import cache

import holidays

ONE_DAY = datetime.timedelta(days=1)
SATURDAY, SUNDAY = 5, 6

# KL 13 kap 5 §: "inom tre veckor från den dag då det tillkännagavs på ... anslagstavla att
# protokollet över beslutet justerats"; fristlagen 1 §: three weeks end on the same weekday.
APPEAL_PERIOD = datetime.timedelta(weeks=3)

# KL 8 kap 12 §: the approval is announced on the notice board "senast andra dagen efter
# justeringen".
POSTING_PERIOD = datetime.timedelta(days=2)
# KL 5 kap. 11 §: the council's meeting is announced "minst en vecka före sammanträdesdagen".
ANNOUNCEMENT_PERIOD = datetime.timedelta(weeks=1)
# KL 5 kap. 69 §: the council's minutes are approved "senast 14 dagar efter sammanträdet".
COUNCIL_APPROVAL_PERIOD = datetime.timedelta(days=14)


@cache
def _public_holidays(year: int) -> frozenset[datetime.date]:
    """The public holidays of lag (1989:253) in `year` other than the ordinary Sundays."""
    return frozenset(holidays.Sweden(years=year, categories=holidays.PUBLIC))


@cache
def _named_eves(year: int) -> frozenset[datetime.date]:
    """Midsommarafton, julafton and nyårsafton in `year`: not public holidays, but fristlagen
    2 § names them beside the holidays."""
    return frozenset(holidays.Sweden(years=year, categories=holidays.DE_FACTO))


def is_holiday(d: datetime.date) -> bool:
    """Is `d` an "allmän helgdag" under lag (1989:253) 1 §, Sundays included?"""
    if isinstance(d, datetime.datetime):
        # A datetime never equals the date in the calendar, so it would never be a holiday.
        raise TypeError("legal_time counts whole days: pass a date, not a datetime")
    return d.weekday() == SUNDAY or d in _public_holidays(d.year)


def is_weekday_for_deadlines(d: datetime.date) -> bool:
    """Is `d` a "vardag" in fristlagen 2 §: none of Saturday, Sunday, another public holiday,
    midsommarafton, julafton or nyårsafton? Other eves (påskafton, valborgsmässoafton,
    allhelgonaafton, trettondagsafton) are vardagar when they fall on a weekday. This is also
    the working day that `add_working_days` and `working_days_between` count."""
    return d.weekday() != SATURDAY and not is_holiday(d) and d not in _named_eves(d.year)


def next_weekday(d: datetime.date) -> datetime.date:
    """The first vardag (fristlagen 2 §) after `d`."""
    d += ONE_DAY
    while not is_weekday_for_deadlines(d):
        d += ONE_DAY
    return d


def deadline(last_day: datetime.date) -> datetime.date:
    """The day an act due on `last_day` may last be done: fristlagen 2 § moves a last day that
    falls on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton to the
    next vardag."""
    return last_day if is_weekday_for_deadlines(last_day) else next_weekday(last_day)


@dataclass(frozen=True)
class AppealPeriod:
    """The appeal period of a notice posting: the day it was posted, the last day an appeal may
    come in, and the day the posting comes down from the notice board."""

    posted: datetime.date
    last_day: datetime.date
    taken_down: datetime.date

    def as_dict(self) -> dict[str, str]:
        """The stable JSON shape, dates in ISO 8601."""
        return {
            "posted": self.posted.isoformat(),
            "last_day": self.last_day.isoformat(),
            "taken_down": self.taken_down.isoformat(),
        }


def appeal_deadline(posted: datetime.date) -> AppealPeriod:
    """The appeal period of minutes whose approval was announced on the notice board on `posted`.

    KL 13 kap 5 §: the appeal must have come in within three weeks from the day of posting;
    fristlagen 1 §: the last day is the same weekday three weeks later, and 2 § moves it to the
    next vardag when that day is not one. The posting must stay up for the whole appeal period
    (KL 8 kap 12 §; 13 kap 5 § lets the period run out only then), that is to the end of the last
    day, so it comes down the day after.
    """
    last_day = deadline(posted + APPEAL_PERIOD)
    return AppealPeriod(posted=posted, last_day=last_day, taken_down=last_day + ONE_DAY)


def posting_due(approved_on: datetime.date) -> datetime.date:
    """The latest day to post on the notice board that minutes approved on `approved_on` were
    approved: KL 8 kap 12 §, "senast andra dagen efter justeringen", moved by fristlagen 2 § to
    the next vardag when that second day is not one."""
    return deadline(approved_on + POSTING_PERIOD)


def notice_latest(meeting_day: datetime.date, days: int) -> datetime.date:
    """The last day a notice may go out that must be sent at least `days` days before the
    meeting day: for the council "minst en vecka före sammanträdesdagen" (KL 5 kap. 11-12 §§),
    the same weekday a week before. Counted back from the meeting, the period is not moved by
    fristlagen: it lets a last day for an act that falls on a holiday move to the next vardag,
    which here would shorten the time the members have to prepare."""
    if days < 0:
        raise ValueError("days must not be negative")
    return meeting_day - datetime.timedelta(days=days)


def announcement_latest(meeting_day: datetime.date) -> datetime.date:
    """The last day the council's meeting may be announced (tillkännagivande) on the notice
    board: KL 5 kap. 11 §, "minst en vecka före sammanträdesdagen", the same weekday a week
    before (fristlagen 1 §), not moved by fristlagen 2 § for the reason `notice_latest` gives."""
    return meeting_day - ANNOUNCEMENT_PERIOD


def council_minutes_due(meeting_day: datetime.date) -> datetime.date:
    """The last day to approve the minutes of a council meeting held on `meeting_day`: KL 5 kap.
    69 §, "senast 14 dagar efter sammanträdet", moved by fristlagen 2 § to the next vardag when
    that day is not one."""
    return deadline(meeting_day + COUNCIL_APPROVAL_PERIOD)


def add_working_days(d: datetime.date, n: int) -> datetime.date:
    """The `n`th working day after `d` (`d` itself when `n` is 0). A working day is a vardag as
    fristlagen 2 § counts it: see `is_weekday_for_deadlines`. One working day after a request
    received on Friday 23 December 2022 is Tuesday 27 December."""
    if n < 0:
        raise ValueError("n must not be negative")
    for _ in range(n):
        d = next_weekday(d)
    return d


def working_days_between(a: datetime.date, b: datetime.date) -> int:
    """How many working days come after `a`, up to and including `b`: a request received on `a`
    and handled on `b` took this many working days; "within one working day" is a result of at
    most 1. The inverse of `add_working_days`."""
    if b < a:
        raise ValueError("b must not be before a")
    days = (a + ONE_DAY * i for i in range(1, (b - a).days + 1))
    return sum(1 for day in days if is_weekday_for_deadlines(day))

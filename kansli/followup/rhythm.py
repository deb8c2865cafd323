"""When a duty attested outside Kansli is next due, by its rhythm: yearly, per meeting of an
organ, or per event. Pure: plain dates in, plain dates out, no Django.

A yearly duty is due a year after it was last attested (the first time, a year after the
instruction took effect). A duty per meeting or per event is due a fortnight after the first
meeting or event since it was last attested; an attestation covers every occasion up to its
day. While no occasion is uncovered, the next one planned is the next due, if one is known.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

# How long after a meeting or an event its attestation may be recorded.
GRACE = datetime.timedelta(days=14)
# How early a coming due day is shown as one to attend to ("förfaller inom 30 dagar").
SOON = datetime.timedelta(days=30)


class Rhythm(StrEnum):
    YEARLY = "yearly"
    PER_MEETING = "per_meeting"
    PER_EVENT = "per_event"


@dataclass(frozen=True)
class Rule:
    """How a duty done outside Kansli is attested: its rhythm; per meeting, the slug of the
    organization whose meetings (None: the board's); per event, the dotted name of the
    selector that gives the days of its events (`(*, body) -> list[date]`)."""

    rhythm: Rhythm
    organ: str | None = None
    events: str | None = None


@dataclass(frozen=True)
class Standing:
    """Where a duty's attestation stands on a day: the day it is due (None when nothing is due
    or planned), and the occasions since its last attestation that it has not covered."""

    due_on: datetime.date | None
    uncovered: int
    on: datetime.date

    @property
    def overdue(self) -> bool:
        return self.due_on is not None and self.due_on < self.on

    @property
    def due_soon(self) -> bool:
        return self.due_on is not None and self.on <= self.due_on <= self.on + SOON


def a_year_after(day: datetime.date) -> datetime.date:
    """The same day a year later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def standing(
    *,
    rhythm: Rhythm,
    start: datetime.date,
    last: datetime.date | None,
    occasions: list[datetime.date],
    on: datetime.date,
) -> Standing:
    """The standing on `on` of a duty with the rhythm, in force since `start`, last attested on
    `last`, whose meetings or events fall on `occasions` (ignored for a yearly duty)."""
    since = last if last is not None else start
    if rhythm is Rhythm.YEARLY:
        return Standing(due_on=a_year_after(since), uncovered=0, on=on)
    after = sorted(day for day in occasions if day > since)
    past = [day for day in after if day <= on]
    due = past[0] if past else (after[0] if after else None)
    return Standing(due_on=None if due is None else due + GRACE, uncovered=len(past), on=on)

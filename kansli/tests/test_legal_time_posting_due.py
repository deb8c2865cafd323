"""The posting of approved minutes is due "senast andra dagen efter justeringen" (KL 8 kap 12 §),
moved by fristlagen 2 § when that day is no vardag."""

import datetime

import pytest

from kansli.legal_time import posting_due

D = datetime.date


@pytest.mark.parametrize(
    ("approved_on", "due"),
    [
        (D(2026, 3, 9), D(2026, 3, 11)),  # Monday: Wednesday
        (D(2026, 3, 11), D(2026, 3, 13)),  # Wednesday: Friday
        (D(2026, 3, 12), D(2026, 3, 16)),  # Thursday: Saturday, so Monday
        (D(2026, 3, 13), D(2026, 3, 16)),  # Friday: Sunday, so Monday
        (D(2026, 4, 1), D(2026, 4, 7)),  # Wednesday before Easter: långfredagen, so Tuesday
        (D(2026, 6, 17), D(2026, 6, 22)),  # midsommarafton, so Monday
        (D(2025, 12, 22), D(2025, 12, 29)),  # julafton 2025 (Wed), so Monday the 29th
        (D(2026, 12, 29), D(2027, 1, 4)),  # nyårsafton, nyårsdagen, the weekend
    ],
)
def test_the_posting_is_due_the_second_day_after_approval_or_the_next_vardag(approved_on, due):
    assert posting_due(approved_on) == due

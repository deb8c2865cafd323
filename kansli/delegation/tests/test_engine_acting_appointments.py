"""A tillförordnad (acting) holder decides as the post, for as long as the appointment lasts;
whoever holds the post on the date decides."""

import pytest

from kansli.delegation.engine import Engine
from kansli.delegation.tests import BENGT, JESPER, KATARINA, ask, date, seed_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return seed_engine()


def test_the_acting_director_decides_as_the_director(engine):
    verdict = ask(
        engine,
        "vanersborg",
        f"person:{JESPER}",
        "organisationsforandring",
        on=date(2025, 7, 15),
        concerning="utvecklingsstaben",
    )

    assert verdict.outcome == "allowed"
    assert verdict.reasons[0] == "Jesper Norén är t.f. kommundirektör den 2025-07-15."


def test_the_acting_appointment_ends_on_its_last_day(engine):
    verdict = ask(
        engine,
        "vanersborg",
        f"person:{JESPER}",
        "organisationsforandring",
        on=date(2025, 8, 1),
        concerning="utvecklingsstaben",
    )

    assert verdict.outcome == "denied"


def test_the_post_decides_through_whoever_holds_it_on_the_date(engine):
    summer_2020 = date(2020, 6, 1)

    before = ask(engine, "vanersborg", f"person:{BENGT}", "ledningsorganisation", on=summer_2020)
    not_yet = ask(
        engine, "vanersborg", f"person:{KATARINA}", "ledningsorganisation", on=summer_2020
    )

    assert before.outcome == "allowed"
    assert not_yet.outcome == "denied"

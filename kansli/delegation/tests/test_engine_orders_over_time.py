"""Orders replace each other over time: a check answers from the order in force on its date."""

from decimal import Decimal

import pytest

from kansli.delegation.engine import Engine, Limits, OrderError
from kansli.delegation.tests import ask, date, order, refusal, rule, seed_engine, vanersborg


def two_versions() -> Engine:
    first = order(rule(limits=Limits(max_amount=Decimal(100_000))), id="do-2024")
    second = order(
        rule(limits=Limits(max_amount=Decimal(300_000))),
        id="do-2025",
        valid_from=date(2025, 1, 1),
    )
    return Engine([vanersborg()], [second, first])


def test_before_the_replacement_the_old_limit_applies():
    verdict = ask(
        two_versions(),
        "vanersborg",
        "position:kommundirektor",
        "inkop",
        on=date(2024, 12, 31),
        amount=200_000,
    )

    assert verdict.outcome == "denied"
    assert verdict.reasons == (
        "Beloppet 200\u00a0000 kronor överstiger gränsen 100\u00a0000 kronor "
        "(Delegationsordning för kommunstyrelsen 1).",
    )


def test_after_the_replacement_the_new_limit_applies():
    verdict = ask(
        two_versions(),
        "vanersborg",
        "position:kommundirektor",
        "inkop",
        on=date(2025, 1, 1),
        amount=200_000,
    )

    assert verdict.outcome == "allowed"


def test_an_order_that_has_ended_gives_no_power():
    ended = order(rule(), valid_to=date(2024, 12, 31))
    engine = Engine([vanersborg()], [ended])

    verdict = ask(engine, "vanersborg", "position:kommundirektor", "inkop", on=date(2025, 1, 1))

    assert verdict.outcome == "denied"
    assert verdict.reasons[-1] == ("Ingen ordning som gäller den 2025-01-01 har en regel om inköp.")


def test_before_the_instruction_applied_the_director_had_no_power_under_it():
    engine = seed_engine()

    before = ask(
        engine,
        "vanersborg",
        "position:kommundirektor",
        "ledningsorganisation",
        on=date(2019, 1, 29),
    )
    from_the_day = ask(
        engine,
        "vanersborg",
        "position:kommundirektor",
        "ledningsorganisation",
        on=date(2019, 1, 30),
    )

    assert before.outcome == "denied"
    assert from_the_day.outcome == "allowed"


def test_an_order_for_an_unknown_body_is_refused():
    with pytest.raises(OrderError) as refused:
        Engine([], [order(rule())])

    assert "Okänd huvudman ”vanersborg”" in refusal(refused.value)

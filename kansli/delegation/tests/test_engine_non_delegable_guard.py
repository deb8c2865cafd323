"""KL 6 kap 38 §: matters a committee may not delegate. An order that gives one to a delegate
is refused when it is loaded; the committee itself, or its chair in an urgent case
(KL 6 kap 39 §), may decide it."""

import pytest

from kansli.delegation.engine import (
    URGENT,
    Condition,
    DecisionType,
    Engine,
    Limits,
    OrderError,
    Party,
)
from kansli.delegation.tests import LENA_KS_CHAIR, ask, order, refusal, rule, vanersborg

BUDGET = DecisionType("budget", "Nämndens budget", "mal-inriktning-omfattning-kvalitet")


def budget_order(delegate: Party, limits: Limits | None = None):
    return order(
        rule(delegate=delegate, decision_type="budget", limits=limits or Limits()),
        decision_types=(BUDGET,),
    )


def test_an_order_giving_a_non_delegable_matter_to_the_director_is_refused():
    director = Party("position", "kommundirektor", "kommundirektören")

    with pytest.raises(OrderError) as refused:
        Engine([vanersborg()], [budget_order(director)])

    assert (
        "”Nämndens budget” gäller verksamhetens mål, inriktning, omfattning eller kvalitet och "
        "får inte delegeras till kommundirektören (kommunallagen 6 kap. 38 §)."
        in refusal(refused.value)
    )


def test_a_subcommittee_may_not_be_given_it_either():
    with pytest.raises(OrderError) as refused:
        Engine([vanersborg()], [budget_order(Party("organization", "au", "arbetsutskottet"))])

    assert "får inte delegeras till arbetsutskottet" in refusal(refused.value)


def test_the_board_itself_decides_it():
    engine = Engine([vanersborg()], [budget_order(Party("organization", "ks", "kommunstyrelsen"))])

    assert ask(engine, "vanersborg", "organization:ks", "budget").outcome == "allowed"
    denied = ask(engine, "vanersborg", "position:kommundirektor", "budget")
    assert denied.outcome == "denied"
    assert denied.reasons[-1] == (
        "Ärendet gäller verksamhetens mål, inriktning, omfattning eller kvalitet och får inte "
        "delegeras (kommunallagen 6 kap. 38 §)."
    )


def test_the_chair_may_decide_it_when_it_cannot_wait():
    urgent = Limits(
        conditions=(
            Condition(
                URGENT, "ärendet är så brådskande att styrelsens avgörande inte kan avvaktas"
            ),
        )
    )
    chair = Party("chair", "ks", "kommunstyrelsens ordförande")
    engine = Engine([vanersborg()], [budget_order(chair, urgent)])

    verdict = ask(engine, "vanersborg", f"person:{LENA_KS_CHAIR}", "budget", conditions=(URGENT,))

    assert verdict.outcome == "allowed"
    assert ask(engine, "vanersborg", f"person:{LENA_KS_CHAIR}", "budget").outcome == "denied"


def test_the_chair_without_urgency_is_refused():
    chair = Party("chair", "ks", "kommunstyrelsens ordförande")

    with pytest.raises(OrderError):
        Engine([vanersborg()], [budget_order(chair)])

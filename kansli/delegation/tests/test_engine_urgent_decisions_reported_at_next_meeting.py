"""KL 6 kap. 39 §: a committee may let its chair (or another member) decide in matters so
urgent that the committee's decision cannot be waited for; such decisions "ska anmälas vid
nämndens nästa sammanträde". Neither seed gives a chair such a power (Blekinge's urgent rule,
Styrelsen 6, is the director's initiative), so a board's delegation order of the usual kind
stands for it here."""

from kansli.delegation.engine import (
    URGENT,
    Condition,
    DecisionType,
    Engine,
    Limits,
    Party,
    Requirement,
    Source,
)
from kansli.delegation.tests import LENA_KS_CHAIR, ask, order, rule, vanersborg

URGENT_MATTER = DecisionType("bradskande-arende", "Beslut i brådskande ärende")
CHAIR = Party("chair", "ks", "kommunstyrelsens ordförande")
BOARD = Party("organization", "ks", "kommunstyrelsen")
LIMITS = Limits(conditions=(Condition(URGENT, "ärendet är så brådskande att det inte kan vänta"),))
KL_6_39 = Source("kommunallagen", "6 kap. 39 §")


def urgent_rule(**fields: object):
    return rule(
        "1.1",
        delegate=CHAIR,
        decision_type=URGENT_MATTER.code,
        matter="Besluta i ärenden som är så brådskande att styrelsens beslut inte kan avvaktas",
        limits=LIMITS,
        **fields,
    )


def chairs_decision(engine: Engine, **context: object):
    return ask(
        engine,
        "vanersborg",
        f"person:{LENA_KS_CHAIR}",
        URGENT_MATTER.code,
        conditions=(URGENT,),
        **context,
    )


def engine_with(*rules) -> Engine:
    return Engine([vanersborg()], [order(*rules, decision_types=(URGENT_MATTER,))])


def test_the_chairs_urgent_decision_is_reported_at_the_boards_next_meeting():
    verdict = chairs_decision(engine_with(urgent_rule()))

    assert verdict.outcome == "allowed"
    assert verdict.reporting == (
        Requirement("report", "after", BOARD, KL_6_39, at_next_meeting=True),
    )
    assert (
        "Beslutet ska anmälas vid nästa sammanträde med kommunstyrelsen "
        "(kommunallagen 6 kap. 39 §)." in verdict.reasons
    )


def test_a_report_the_order_names_becomes_due_at_the_next_meeting_not_twice():
    named = Requirement("report", "after", BOARD)

    verdict = chairs_decision(engine_with(urgent_rule(requirements=(named,))))

    assert verdict.reporting == (
        Requirement("report", "after", BOARD, KL_6_39, at_next_meeting=True),
    )


def test_a_chairs_decision_that_is_not_urgent_keeps_the_usual_report():
    ordinary = rule(
        "1.2",
        delegate=CHAIR,
        decision_type=URGENT_MATTER.code,
        requirements=(Requirement("report", "after", BOARD),),
    )

    verdict = ask(
        engine_with(ordinary), "vanersborg", f"person:{LENA_KS_CHAIR}", URGENT_MATTER.code
    )

    assert verdict.outcome == "allowed"
    assert verdict.reporting == (Requirement("report", "after", BOARD),)

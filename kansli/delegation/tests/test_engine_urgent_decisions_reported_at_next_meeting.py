"""KL 6 kap. 39 §: a committee may let its chair (or another member) decide in matters so
urgent that the committee's decision cannot be waited for; such decisions "ska anmälas vid
nämndens nästa sammanträde". Neither seed gives a chair such a power (Blekinge's urgent rule,
Styrelsen 6, is the director's initiative), so a board's delegation order of the usual kind
stands for it here."""

from kansli.delegation.engine import (
    CONCERNED,
    URGENT,
    Condition,
    DecisionType,
    Engine,
    Limits,
    Party,
    Relation,
    Requirement,
    Source,
)
from kansli.delegation.tests import EVA_SN_CHAIR, LENA_KS_CHAIR, ask, order, rule, vanersborg

URGENT_MATTER = DecisionType("bradskande-arende", "Beslut i brådskande ärende")
CHAIR = Party("chair", "ks", "kommunstyrelsens ordförande")
BOARD = Party("organization", "ks", "kommunstyrelsen")
LIMITS = Limits(conditions=(Condition(URGENT, "ärendet är så brådskande att det inte kan vänta"),))
KL_6_39 = Source("kommunallagen", "6 kap. 39 §")
# "Ordföranden i respektive nämnd": the chair of the committee the decision concerns.
CONCERNED_CHAIR = Party("chair", CONCERNED, "ordföranden i berörd nämnd")
CONCERNED_BOARD = Party("organization", CONCERNED, "berörd nämnd")


def urgent_rule(number: str = "1.1", *, delegate: Party = CHAIR, **fields: object):
    return rule(
        number,
        delegate=delegate,
        decision_type=URGENT_MATTER.code,
        matter="Besluta i ärenden som är så brådskande att styrelsens beslut inte kan avvaktas",
        limits=LIMITS,
        **fields,
    )


def chairs_decision(engine: Engine, chair: int = LENA_KS_CHAIR, **context: object):
    return ask(
        engine,
        "vanersborg",
        f"person:{chair}",
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


def organ(slug: str, name: str) -> Party:
    """The organ a check filled in for the organization concerned."""
    return Party("organization", slug, name, Relation("organization", slug, name))


def test_a_relative_chairs_urgent_decision_is_reported_at_the_next_meeting_of_that_committee():
    engine = engine_with(urgent_rule(delegate=CONCERNED_CHAIR))

    verdict = chairs_decision(engine, EVA_SN_CHAIR, concerning="socialforvaltningen")

    assert verdict.outcome == "allowed"
    assert verdict.reporting == (
        Requirement(
            "report",
            "after",
            organ("socialnamnden", "socialnämnden"),
            KL_6_39,
            at_next_meeting=True,
        ),
    )
    assert (
        "Beslutet ska anmälas vid nästa sammanträde med socialnämnden "
        "(kommunallagen 6 kap. 39 §)." in verdict.reasons
    )


def test_a_relative_report_the_order_names_goes_to_the_chairs_committee_not_a_companys_board():
    named = Requirement("report", "after", CONCERNED_BOARD)
    engine = engine_with(urgent_rule(delegate=CONCERNED_CHAIR, requirements=(named,)))

    verdict = chairs_decision(engine, concerning="vanersborgs-bostads-ab")

    assert verdict.outcome == "allowed"
    assert verdict.reporting == (
        Requirement(
            "report",
            "after",
            organ("ks", "kommunstyrelsen"),
            KL_6_39,
            at_next_meeting=True,
        ),
    )


def test_the_rule_lists_the_report_the_law_adds_before_any_check():
    written = urgent_rule()
    relative = urgent_rule("1.3", delegate=CONCERNED_CHAIR)
    engine = engine_with(written, relative)

    assert engine.requirements("vanersborg", written) == (
        Requirement("report", "after", BOARD, KL_6_39, at_next_meeting=True),
    )
    assert engine.requirements("vanersborg", relative) == (
        Requirement(
            "report", "after", Party("organization", CONCERNED, ""), KL_6_39, at_next_meeting=True
        ),
    )

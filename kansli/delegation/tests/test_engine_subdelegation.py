"""Sub-delegation (KL 7 kap 6 §): the director may pass a power on to another employee when the
order allows it, never wider than the director had; the sub-delegate's decisions are reported
to the director (KL 7 kap 8 §)."""

import dataclasses
from decimal import Decimal

import pytest

from kansli.delegation.engine import (
    Engine,
    Limits,
    OrderError,
    Party,
    Scope,
    Source,
    SubDelegation,
    SubDelegationDecision,
)
from kansli.delegation.tests import (
    OSCAR,
    PIA,
    ask,
    date,
    order,
    refusal,
    rule,
    seed_orders,
    vanersborg,
)

CHIEF = Party("position", "stabschef-ekonomistaben", "stabschefen för ekonomistaben")
DECIDED = Source("Kommundirektörens beslut om vidaredelegering", "2024-02-01")


def purchases(grant_limits: Limits, grant_scope: tuple[Scope, ...], may_pass_on: bool = True):
    return order(
        rule(
            limits=Limits(max_amount=Decimal(500_000)),
            scope=(Scope(organization="kommunstyrelseforvaltningen"),),
            subdelegation=SubDelegation(allowed=may_pass_on),
        ),
        subdelegations=(
            SubDelegationDecision(
                id="vd-1",
                rule="r1",
                to=CHIEF,
                valid_from=date(2024, 2, 1),
                source=DECIDED,
                scope=grant_scope,
                limits=grant_limits,
            ),
        ),
    )


def chief_of_staff_engine() -> Engine:
    grant = purchases(Limits(max_amount=Decimal(100_000)), (Scope(organization="ekonomistaben"),))
    return Engine([vanersborg()], [grant])


def test_a_sub_delegate_decides_within_the_grant_and_reports_to_the_director():
    verdict = ask(
        chief_of_staff_engine(),
        "vanersborg",
        f"person:{PIA}",
        "inkop",
        concerning="ekonomistaben",
        amount=80_000,
    )

    assert verdict.outcome == "allowed"
    assert [b.rule for b in verdict.basis] == ["1", "vd-1"]
    assert [(r.kind, r.party.slug) for r in verdict.reporting] == [("report", "kommundirektor")]
    assert "Beslutet ska anmälas till kommundirektören (kommunallagen 7 kap. 8 §)." in (
        verdict.reasons
    )


def test_a_sub_delegate_cannot_exceed_the_amount_granted():
    verdict = ask(
        chief_of_staff_engine(),
        "vanersborg",
        "position:stabschef-ekonomistaben",
        "inkop",
        concerning="ekonomistaben",
        amount=200_000,
    )

    assert verdict.outcome == "denied"
    assert verdict.reasons == (
        "Beloppet 200\u00a0000 kronor överstiger gränsen 100\u00a0000 kronor "
        "(Kommundirektörens beslut om vidaredelegering 2024-02-01).",
    )


def test_a_grant_of_a_higher_amount_than_the_directors_is_refused():
    wider = purchases(Limits(max_amount=Decimal(900_000)), (Scope(organization="ekonomistaben"),))

    with pytest.raises(OrderError) as refused:
        Engine([vanersborg()], [wider])

    assert (
        "Vidaredelegeringen ger 900\u00a0000 kronor, men regel 1 gäller högst 500\u00a0000 kronor."
        in refusal(refused.value)
    )


def test_a_grant_without_an_amount_limit_or_a_scope_is_refused():
    with pytest.raises(OrderError) as refused:
        Engine([vanersborg()], [purchases(Limits(), ())])

    message = refusal(refused.value)
    assert "Vidaredelegeringen ger ingen beloppsgräns" in message
    assert "Vidaredelegeringen gäller hela organisationen" in message


def test_the_rules_scope_still_bounds_a_grant_that_names_a_wider_one():
    engine = Engine(
        [vanersborg()],
        [purchases(Limits(max_amount=Decimal(100_000)), (Scope(organization="ks"),))],
    )

    verdict = ask(
        engine,
        "vanersborg",
        f"person:{PIA}",
        "inkop",
        concerning="vanersborgs-energi-ab",
        amount=1_000,
    )

    assert verdict.outcome == "denied"
    assert verdict.reasons[0].startswith(
        "Regeln gäller inom kommunstyrelseförvaltningen, men beslutet gäller Vänersborgs Energi AB"
    )


def test_a_rule_that_may_not_be_passed_on_refuses_a_grant():
    closed = purchases(
        Limits(max_amount=Decimal(100_000)),
        (Scope(organization="ekonomistaben"),),
        may_pass_on=False,
    )

    with pytest.raises(OrderError) as refused:
        Engine([vanersborg()], [closed])

    assert "Regel 1 får inte vidaredelegeras." in refusal(refused.value)


def test_only_an_employee_can_pass_a_power_on():
    committee = Party("organization", "pfu", "personal- och förhandlingsutskottet")
    passing_on = order(rule(delegate=committee, subdelegation=SubDelegation(allowed=True)))

    with pytest.raises(OrderError) as refused:
        Engine([vanersborg()], [passing_on])

    assert "(kommunallagen 7 kap. 6 §)" in refusal(refused.value)


def test_a_grant_applies_from_its_date():
    verdict = ask(
        chief_of_staff_engine(),
        "vanersborg",
        f"person:{PIA}",
        "inkop",
        on=date(2024, 1, 15),
        concerning="ekonomistaben",
        amount=1_000,
    )

    assert verdict.outcome == "denied"


def test_the_director_passes_presentations_in_the_working_committee_to_a_case_officer():
    instruction = next(o for o in seed_orders() if o.body == "vanersborg")
    with_grant = dataclasses.replace(
        instruction,
        subdelegations=(
            SubDelegationDecision(
                id="kd-vd-2025-1",
                rule="kdi-4.1.2",
                to=Party("position", "handlaggare", "handläggaren"),
                valid_from=date(2025, 1, 1),
                source=Source("Kommundirektörens vidaredelegering", "punkt 1"),
                scope=(Scope(organization="au", subtree=False),),
            ),
        ),
    )
    engine = Engine([vanersborg()], [with_grant])

    verdict = ask(engine, "vanersborg", f"person:{OSCAR}", "foredragning", concerning="au")
    in_the_board = ask(engine, "vanersborg", f"person:{OSCAR}", "foredragning", concerning="ks")

    assert verdict.outcome == "allowed"
    assert verdict.reasons[0] == (
        "Oscar Malmberg beslutar på vidaredelegering från kommundirektören "
        "(Kommundirektörens vidaredelegering punkt 1): Föredragning i kommunstyrelsen och "
        "arbetsutskottet (Kommundirektörsinstruktion 4.1.2)."
    )
    assert in_the_board.outcome == "denied"


def test_only_a_forvaltningschef_can_pass_a_power_on():
    """KL 7 kap. 6 §: the board may let a förvaltningschef pass a power on; a chief of staff,
    who heads a staff unit and not a department, may not (a test order letting the chief of
    the economy staff pass purchases on was imported cleanly before)."""
    passing_on = order(rule(delegate=CHIEF, subdelegation=SubDelegation(allowed=True)))

    with pytest.raises(OrderError) as refused:
        Engine([vanersborg()], [passing_on])

    assert (
        "Bara en förvaltningschef kan vidaredelegera beslutanderätten (kommunallagen 7 kap. 6 §); "
        "stabschefen för ekonomistaben är inte chef för en förvaltning."
    ) in refusal(refused.value)


def test_the_head_of_a_department_can_pass_a_power_on():
    head = Party("head", "kommunstyrelseforvaltningen", "chefen för kommunstyrelseförvaltningen")
    passing_on = order(rule(delegate=head, subdelegation=SubDelegation(allowed=True)))

    assert Engine([vanersborg()], [passing_on])

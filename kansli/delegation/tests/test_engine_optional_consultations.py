"""A consultation held only "vid behov" (as needed): Blekinge's Arbetsgivaransvar 6 ("Förvalt-
ningschefer, direktörers och chefers befogenhet och ansvar ska vid behov utformas i samråd med
respektive nämndsordförande", seed 000). The decision maker records it held, or waives it; a
required consultation cannot be waived."""

import dataclasses

import pytest

from kansli.delegation import orderfile
from kansli.delegation.diff import order_diff
from kansli.delegation.engine import CheckError, Engine, OrderError, Party, Requirement
from kansli.delegation.reasons import sentence
from kansli.delegation.tests import DIRECTOR, ask, order, refusal, rule, seed_engine, vanersborg

SECTION = "(Instruktion till landstingsdirektör Arbetsgivaransvar)"
CHAIR = "ordföranden i regionstyrelsen"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return seed_engine()


def powers(engine: Engine, **context: object):
    return ask(
        engine,
        "blekinge",
        "position:regiondirektor",
        "befogenheter-och-ansvar",
        concerning="landstingsservice",
        **context,
    )


def test_the_consultation_with_the_chair_is_listed_as_vid_behov(engine):
    verdict = powers(engine)

    assert verdict.outcome == "requirements_pending"
    (status,) = verdict.requirements
    assert status.requirement.optional
    assert (
        f"Beslutet kräver samråd med {CHAIR} vid behov {SECTION}: registrera samrådet, "
        "eller att det inte behövdes och varför." in verdict.reasons
    )


def test_a_waived_optional_consultation_does_not_block(engine):
    verdict = powers(engine, waived=("consultation:regionstyrelsen-ordforande",))

    assert verdict.outcome == "allowed"
    (status,) = verdict.requirements
    assert status.satisfied and status.waived
    assert f"Samråd med {CHAIR} behövdes inte, med angivet skäl {SECTION}." in verdict.reasons


def test_a_held_optional_consultation_is_done(engine):
    verdict = powers(engine, done=("consultation:regionstyrelsen-ordforande",))

    assert verdict.outcome == "allowed"
    assert not verdict.requirements[0].waived


def test_a_required_consultation_cannot_be_waived(engine):
    with pytest.raises(CheckError) as refused:
        ask(
            engine,
            "blekinge",
            "organization:regionstyrelsen",
            "anstallning-ledningsgrupp",
            waived=("consultation:regiondirektor",),
        )

    assert sentence(refused.value.reason) == (
        "Samråd med regiondirektören krävs enligt Instruktion till landstingsdirektör "
        "Arbetsgivaransvar och kan inte avstås; bara ett samråd vid behov kan registreras som "
        "inte behövt."
    )


def test_a_required_consultation_held_and_waived_is_refused_too(engine):
    with pytest.raises(CheckError):
        ask(
            engine,
            "blekinge",
            "organization:regionstyrelsen",
            "anstallning-ledningsgrupp",
            done=("consultation:regiondirektor",),
            waived=("consultation:regiondirektor",),
        )


def test_the_order_file_reads_and_writes_optional():
    (blekinge,) = [o for o in orderfile.load_all() if o.body == "blekinge"]
    (powers_rule,) = [r for r in blekinge.rules if r.id == "ld-arbetsgivare-6"]

    assert powers_rule.requirements[0].optional
    assert "optional: true" in orderfile.dumps(blekinge)
    assert orderfile.loads(orderfile.dumps(blekinge)) == blekinge


def test_only_a_consultation_before_the_decision_may_be_optional():
    approval = Requirement("approval", "before", Party("organization", "pfu", "PFU"), optional=True)

    with pytest.raises(OrderError) as error:
        Engine([vanersborg()], [order(rule(delegate=DIRECTOR, requirements=(approval,)))])

    assert "Bara ett samråd före beslutet kan ske vid behov (optional)." in refusal(error.value)


def test_a_draft_making_a_consultation_optional_shows_as_a_changed_requirement():
    (blekinge,) = [o for o in orderfile.load_all() if o.body == "blekinge"]
    required = tuple(
        dataclasses.replace(
            r,
            requirements=tuple(dataclasses.replace(q, optional=False) for q in r.requirements),
        )
        if r.id == "ld-arbetsgivare-6"
        else r
        for r in blekinge.rules
    )

    diff = order_diff(dataclasses.replace(blekinge, rules=required), blekinge)

    (changed,) = diff.changed
    assert (changed.rule.id, changed.changed) == ("ld-arbetsgivare-6", ("requirements",))

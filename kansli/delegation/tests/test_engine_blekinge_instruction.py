"""Questions from Blekinge's Instruktion till landstingsdirektör (seed 000), whose sections are
its headings; one or more for each heading that gives a power."""

import pytest

from kansli.delegation.engine import Engine
from kansli.delegation.tests import (
    ALI_RS_MEMBER,
    CHARLOTTE,
    KARIN_RS_CHAIR,
    TODAY,
    ask,
    seed_engine,
)

DOCUMENT = "Instruktion till landstingsdirektör"
BOARD_HEADING = "Landstingsdirektörens roll i landstingsstyrelsen och i övriga nämnder"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return seed_engine()


def director(engine: Engine, decision: str, **context: object):
    return ask(engine, "blekinge", "position:regiondirektor", decision, **context)


def board(engine: Engine, decision: str, **context: object):
    return ask(engine, "blekinge", "organization:regionstyrelsen", decision, **context)


def test_council_the_director_attends_to_inform_and_may_send_an_expert(engine):
    verdict = director(engine, "upplysningar-i-fullmaktige", concerning="regionfullmaktige")

    assert verdict.outcome == "allowed"
    assert verdict.basis[0].section == "Landstingsdirektörens roll i landstingsfullmäktige"
    rule = engine.rules_for("blekinge", "upplysningar-i-fullmaktige", TODAY)[0][1]
    assert rule.subdelegation.allowed


def test_council_the_director_speaks_on_legality_in_the_council_only(engine):
    council = director(engine, "narvaro-och-yttranderatt", concerning="regionfullmaktige")
    committee = director(engine, "narvaro-och-yttranderatt", concerning="trafiknamnden")

    assert council.outcome == "allowed"
    assert committee.outcome == "denied"


def test_board_appoints_the_director_and_the_director_does_not(engine):
    assert board(engine, "utse-direktor").outcome == "allowed"
    verdict = director(engine, "utse-direktor")
    assert verdict.outcome == "denied"
    assert (
        f"Beslutet fattas av regionstyrelsen enligt regel Styrelsen 1 ({DOCUMENT} "
        f"{BOARD_HEADING})." in verdict.reasons
    )


def test_board_the_director_heads_department_heads_and_the_staff(engine):
    service = director(engine, "arbetsledning", concerning="landstingsservice")
    staff = director(engine, "arbetsledning", concerning="kanslienheten")

    assert service.outcome == "allowed"
    assert staff.outcome == "allowed"


def test_board_members_may_put_forward_decision_material(engine):
    member = ask(
        engine,
        "blekinge",
        f"person:{ALI_RS_MEMBER}",
        "beslutsunderlag",
        concerning="regionstyrelsen",
    )

    assert member.outcome == "allowed"
    assert member.basis[0].rule == "Styrelsen 4"


def test_board_the_director_presents_in_the_board_its_committee_and_drafting_bodies(engine):
    for organ in ("regionstyrelsen", "au", "beredningen-for-halsa-och-vard"):
        assert director(engine, "foredragning", concerning=organ).outcome == "allowed"
    assert director(engine, "foredragning", concerning="trafiknamnden").outcome == "denied"


def test_board_urgent_initiative_to_the_board(engine):
    urgent = director(engine, "bradskande-initiativ", conditions=("bradskande",))
    routine = director(engine, "bradskande-initiativ")

    assert urgent.outcome == "allowed"
    assert routine.outcome == "denied"
    assert routine.reasons == (
        f"Regeln gäller bara när ärendet är av brådskande natur ({DOCUMENT} {BOARD_HEADING}).",
    )


def test_board_initiatives_for_supervision_of_other_committees_and_for_goals(engine):
    supervision = director(engine, "initiativ-uppsikt", concerning="trafiknamnden")
    own_board = director(engine, "initiativ-uppsikt", concerning="regionstyrelsen")

    assert supervision.outcome == "allowed"
    assert own_board.outcome == "denied"
    assert director(engine, "initiativ-mal").outcome == "allowed"


def test_employer_the_director_hires_the_staff_and_reports_it_to_the_board(engine):
    verdict = director(engine, "anstallning-personal", concerning="kanslienheten")

    assert verdict.outcome == "allowed"
    assert verdict.basis[0].section == "Arbetsgivaransvar"
    assert f"Beslutet ska anmälas till regionstyrelsen ({DOCUMENT} {BOARD_HEADING})." in (
        verdict.reasons
    )
    elsewhere = director(engine, "anstallning-personal", concerning="landstingsservice")
    assert elsewhere.outcome == "denied"


def test_employer_the_board_hires_the_management_group_after_consulting_the_director(engine):
    pending = board(engine, "anstallning-ledningsgrupp")
    consulted = board(engine, "anstallning-ledningsgrupp", done=("consultation:regiondirektor",))

    assert pending.outcome == "requirements_pending"
    assert pending.reasons[-1] == (
        f"Beslutet kräver samråd med regiondirektören ({DOCUMENT} Arbetsgivaransvar)."
    )
    assert consulted.outcome == "allowed"
    assert director(engine, "anstallning-ledningsgrupp").outcome == "denied"


def test_employer_the_board_dismisses_the_management_group_after_consulting_the_director(
    engine,
):
    assert board(engine, "avveckling-ledningsgrupp").outcome == "requirements_pending"
    assert board(engine, "avveckla-direktor").outcome == "allowed"


def test_employer_the_director_decides_for_department_heads_and_reports(engine):
    verdict = director(engine, "arbetsgivarbeslut", concerning="landstingsservice")

    assert verdict.outcome == "allowed"
    assert [r.party.slug for r in verdict.reporting] == ["regionstyrelsen"]


def test_employer_powers_of_managers_with_the_chair_of_their_committee(engine):
    verdict = director(engine, "befogenheter-och-ansvar", concerning="landstingsservice")

    assert verdict.outcome == "requirements_pending"
    assert [s.requirement.party.key for s in verdict.requirements] == ["regionstyrelsen-ordforande"]


def test_economy_the_director_acts_when_the_budget_is_not_kept(engine):
    kept = director(engine, "initiativ-ekonomi")
    deviating = director(engine, "initiativ-ekonomi", conditions=("budgetavvikelse",))

    assert kept.outcome == "denied"
    assert deviating.outcome == "allowed"
    assert deviating.basis[0].section == "Ekonomiskt ansvar"


def test_the_directors_powers_through_her_person_and_the_chairs_through_hers(engine):
    by_person = ask(
        engine, "blekinge", f"person:{CHARLOTTE}", "arbetsledning", concerning="landstingsservice"
    )
    chair = ask(
        engine,
        "blekinge",
        f"person:{KARIN_RS_CHAIR}",
        "arbetsledning",
        concerning="landstingsservice",
    )

    assert by_person.outcome == "allowed"
    assert chair.outcome == "denied"

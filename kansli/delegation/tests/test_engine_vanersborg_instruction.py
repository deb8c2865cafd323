"""Questions from Vänersborg's Kommundirektörsinstruktion (seed 002), one or more for each
section that gives a power, answered from the shipped YAML encoding."""

import pytest

from kansli.delegation.engine import Engine
from kansli.delegation.tests import KATARINA, LENA_KS_CHAIR, TODAY, ask, seed_engine

KDI = "Kommundirektörsinstruktion"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return seed_engine()


def kd(engine: Engine, decision: str, **context: object):
    return ask(engine, "vanersborg", "position:kommundirektor", decision, **context)


def test_2_1_goals_and_budgets_are_for_the_committee_not_the_director(engine):
    director = kd(engine, "mal-och-ramar", concerning="socialforvaltningen")
    committee = ask(
        engine,
        "vanersborg",
        "organization:socialnamnden",
        "mal-och-ramar",
        concerning="socialforvaltningen",
    )

    assert director.outcome == "denied"
    assert (
        "Ärendet gäller verksamhetens mål, inriktning, omfattning eller kvalitet och får inte "
        "delegeras (kommunallagen 6 kap. 38 §)." in director.reasons
    )
    assert committee.outcome == "allowed"
    assert [(b.section, b.rule) for b in committee.basis] == [("2.1", "2.1 a")]


def test_2_1_goals_and_budgets_are_the_councils_too_for_every_committee(engine):
    verdict = ask(
        engine, "vanersborg", "organization:kf", "mal-och-ramar", concerning="socialnamnden"
    )

    assert verdict.outcome == "allowed"
    assert [(b.section, b.rule) for b in verdict.basis] == [("2.1", "2.1 a")]


def test_2_1_the_political_organisation_is_for_the_council(engine):
    verdict = ask(engine, "vanersborg", "organization:kf", "politisk-organisation")

    assert verdict.outcome == "allowed"
    assert verdict.reasons[0].endswith(f"({KDI} 2.1).")


def test_3_1_the_director_sets_the_management_organisation_and_reports_it(engine):
    verdict = kd(engine, "ledningsorganisation")

    assert verdict.outcome == "allowed"
    assert [r.party.slug for r in verdict.reporting] == ["ks"]
    assert "Beslutet ska anmälas till kommunstyrelsen (kommunallagen 7 kap. 8 §)." in (
        verdict.reasons
    )


def test_3_1_the_director_leads_the_department_heads(engine):
    assert kd(engine, "arbetsledning", concerning="socialforvaltningen").outcome == "allowed"


def test_3_3_representing_the_municipality_only_where_politicians_do_not(engine):
    without = kd(engine, "extern-representation")
    within = kd(engine, "extern-representation", conditions=("ej-politiskt-ansvar",))

    assert without.outcome == "denied"
    assert without.reasons == (
        "Regeln gäller bara när ansvaret inte åvilar kommunalråden eller den politiska "
        f"organisationen ({KDI} 3.3).",
    )
    assert within.outcome == "allowed"


def test_3_4_press_contacts_are_the_directors_within_the_boards_department(engine):
    own = kd(engine, "mediekontakter", concerning="ekonomistaben")
    other = kd(engine, "mediekontakter", concerning="socialforvaltningen")

    assert own.outcome == "allowed"
    assert other.outcome == "denied"
    assert other.reasons == (
        "Regeln gäller inom kommunstyrelseförvaltningen, men beslutet gäller "
        f"socialförvaltningen ({KDI} 3.4).",
    )


def test_3_5_the_director_leads_in_a_disturbance_only_without_the_crisis_committee(engine):
    assert kd(engine, "krisledning").outcome == "denied"
    verdict = kd(engine, "krisledning", conditions=("krisledningsnamnden-ej-i-funktion",))
    assert verdict.outcome == "allowed"


def test_3_7_the_boards_chair_answers_for_the_directors_working_environment(engine):
    chair = ask(engine, "vanersborg", f"person:{LENA_KS_CHAIR}", "arbetsmiljo-kommundirektor")
    committee = ask(engine, "vanersborg", "organization:pfu", "arbetsmiljo-kommundirektor")
    director = kd(engine, "arbetsmiljo-kommundirektor")

    assert chair.outcome == "allowed"
    assert chair.basis[0].rule == "3.7 a"
    assert committee.outcome == "allowed"
    assert director.outcome == "denied"


def test_3_8_a_deputy_director_after_the_presidiums_approval(engine):
    security = ("sakerhetsskyddsklass-2",)
    pending = kd(engine, "utse-bitradande-kommundirektor", conditions=security)
    approved = kd(
        engine,
        "utse-bitradande-kommundirektor",
        conditions=security,
        done=("approval:ks-presidium",),
    )
    unclassified = kd(engine, "utse-bitradande-kommundirektor", done=("approval:ks-presidium",))

    assert pending.outcome == "requirements_pending"
    assert f"Beslutet kräver godkännande av kommunstyrelsens presidium ({KDI} 3.8)." in (
        pending.reasons
    )
    assert approved.outcome == "allowed"
    assert unclassified.outcome == "denied"
    assert unclassified.reasons == (
        f"Regeln gäller bara när tjänsten är placerad i lägst säkerhetsskyddsklass 2 ({KDI} 3.5).",
    )


def test_4_1_2_presentations_in_the_board_and_its_working_committee(engine):
    assert kd(engine, "foredragning", concerning="ks").outcome == "allowed"
    assert kd(engine, "foredragning", concerning="au").outcome == "allowed"
    assert kd(engine, "foredragning", concerning="pfu").outcome == "denied"
    rule = engine.rules_for("vanersborg", "foredragning", TODAY)[0][1]
    assert rule.subdelegation.allowed
    assert [party.key for party in rule.subdelegation.to] == ["vanersborg-anstallda"]


def test_4_1_3_attending_and_speaking_in_the_board_and_its_committees(engine):
    verdict = kd(engine, "narvaro-och-yttranderatt", concerning="pfu")

    assert verdict.outcome == "allowed"
    assert verdict.basis[0].section == "4.1.3"
    assert verdict.requirements == ()


def test_5_1_1_hiring_a_chief_of_staff_after_consulting_the_boards_chair(engine):
    pending = kd(engine, "anstallning-stabschef", concerning="ekonomistaben")
    consulted = kd(
        engine,
        "anstallning-stabschef",
        concerning="ekonomistaben",
        done=("consultation:ks-ordforande",),
    )

    assert pending.outcome == "requirements_pending"
    assert f"Beslutet kräver samråd med kommunstyrelsens ordförande ({KDI} 5.1.2)." in (
        pending.reasons
    )
    assert consulted.outcome == "allowed"
    assert consulted.basis[0].section == "5.1.1"


def test_5_1_1_the_director_appoints_certifiers_in_the_boards_department(engine):
    assert kd(engine, "utse-attestansvariga", concerning="ekonomistaben").outcome == "allowed"
    assert kd(engine, "utse-attestansvariga", concerning="socialforvaltningen").outcome == (
        "denied"
    )


def test_5_1_2_organisational_change_in_the_boards_department_needs_no_approval(engine):
    verdict = kd(engine, "organisationsforandring", concerning="utvecklingsstaben")

    assert verdict.outcome == "allowed"
    assert [(b.document, b.section, b.rule) for b in verdict.basis] == [(KDI, "5.1.2", "5.1.2 a")]


def test_5_1_2_dismissing_a_chief_of_staff_after_consulting_the_boards_chair(engine):
    verdict = kd(engine, "entledigande-stabschef", concerning="ekonomistaben")

    assert verdict.outcome == "requirements_pending"
    assert [(s.requirement.kind, s.requirement.party.key) for s in verdict.requirements] == [
        ("consultation", "ks-ordforande")
    ]


def test_5_1_4_and_5_2_5_the_director_sets_the_pay_of_chiefs_of_staff_and_department_heads(
    engine,
):
    staff = kd(engine, "lonesattning", concerning="ekonomistaben")
    department = kd(engine, "lonesattning", concerning="socialforvaltningen")

    assert (staff.outcome, staff.basis[0].section) == ("allowed", "5.1.4")
    assert (department.outcome, department.basis[0].section) == ("allowed", "5.2.5")


def test_5_2_1_attending_another_committee_after_consulting_and_informing(engine):
    verdict = kd(engine, "narvaro-och-yttranderatt", concerning="socialnamnden")

    assert verdict.outcome == "requirements_pending"
    assert [(s.requirement.kind, s.requirement.party.key) for s in verdict.requirements] == [
        ("consultation", "ks-ordforande"),
        ("notification", "socialnamnden-ordforande"),
        ("notification", "socialforvaltningen-chef"),
    ]
    assert (
        f"Beslutet kräver att ordföranden i socialnämnden informeras i förväg ({KDI} 5.2.1)."
        in verdict.reasons
    )
    done = (
        "consultation:ks-ordforande",
        "notification:socialnamnden-ordforande",
        "notification:socialforvaltningen-chef",
    )
    assert kd(
        engine, "narvaro-och-yttranderatt", concerning="socialnamnden", done=done
    ).outcome == ("allowed")


def test_5_2_2_hiring_a_department_head_after_consulting_the_presidium_and_pfu(engine):
    verdict = kd(
        engine,
        "anstallning-forvaltningschef",
        concerning="socialforvaltningen",
        done=("consultation:pfu",),
    )

    assert verdict.outcome == "requirements_pending"
    assert f"Beslutet kräver samråd med presidiet i socialnämnden ({KDI} 5.2.2)." in (
        verdict.reasons
    )
    assert f"Samråd med personal- och förhandlingsutskottet har skett ({KDI} 5.2.2)." in (
        verdict.reasons
    )
    dismissal = kd(
        engine,
        "entledigande-forvaltningschef",
        concerning="socialforvaltningen",
        done=("consultation:pfu", "consultation:socialnamnden-presidium"),
    )
    assert dismissal.outcome == "allowed"


def test_5_2_3_organisational_change_in_another_department_waits_for_pfu(engine):
    verdict = kd(engine, "organisationsforandring", concerning="socialforvaltningen")

    assert verdict.outcome == "requirements_pending"
    assert (
        f"Beslutet kräver godkännande av personal- och förhandlingsutskottet ({KDI} 5.2.3)."
        in verdict.reasons
    )
    assert verdict.as_dict()["requirements"] == [
        {
            "kind": "approval",
            "when": "before",
            "party": {
                "kind": "organization",
                "slug": "pfu",
                "name": "personal- och förhandlingsutskottet",
                "relation": None,
            },
            "optional": False,
            "at_next_meeting": False,
            "satisfied": False,
            "waived": False,
        }
    ]


def test_5_2_3_organisational_change_with_pfus_approval_is_allowed(engine):
    verdict = kd(
        engine, "organisationsforandring", concerning="socialforvaltningen", done=("approval:pfu",)
    )

    assert verdict.outcome == "allowed"
    assert [(b.section, b.rule) for b in verdict.basis] == [("5.2.3", "5.2.3")]
    assert [r.party.slug for r in verdict.reporting] == ["ks"]


def test_5_2_3_a_department_head_may_not_make_the_change(engine):
    verdict = ask(
        engine,
        "vanersborg",
        "position:forvaltningschef-socialforvaltningen",
        "organisationsforandring",
        concerning="socialforvaltningen",
        done=("approval:pfu",),
    )

    assert verdict.outcome == "denied"
    assert verdict.reasons[0] == (
        "Förvaltningschef, socialförvaltningen har inte rätt att besluta om "
        "organisationsförändring den 2025-03-12."
    )
    assert f"Beslutet fattas av kommundirektören enligt regel 5.2.3 ({KDI} 5.2.3)." in (
        verdict.reasons
    )


def test_5_2_4_the_director_settles_execution_disputes_between_departments(engine):
    disputed = kd(
        engine,
        "avgorande-verkstallighetsfraga",
        concerning="barn-och-utbildningsforvaltningen",
        conditions=("olika-bedomningar",),
    )
    undisputed = kd(
        engine, "avgorande-verkstallighetsfraga", concerning="barn-och-utbildningsforvaltningen"
    )

    assert disputed.outcome == "allowed"
    assert undisputed.outcome == "denied"


def test_6_1_2_preparing_a_ceos_hiring_with_the_company_board_and_the_presidium(engine):
    verdict = kd(engine, "bereda-anstallning-vd", concerning="vanersborgs-bostads-ab")

    assert verdict.outcome == "requirements_pending"
    assert [(s.requirement.kind, s.requirement.party.key) for s in verdict.requirements] == [
        ("consultation", "vanersborgs-bostads-ab"),
        ("consultation", "ks-presidium"),
    ]
    assert (
        f"Beslutet kräver samråd med styrelsen för Vänersborgs Bostads AB ({KDI} 6.1.2)."
        in verdict.reasons
    )


def test_6_1_2_a_company_board_revises_its_ceos_pay_after_consulting_the_director(engine):
    own = ask(
        engine,
        "vanersborg",
        "organization:vanersborgs-bostads-ab",
        "lonerevision-vd",
        concerning="vanersborgs-bostads-ab",
        done=("consultation:kommundirektor",),
    )
    other = ask(
        engine,
        "vanersborg",
        "organization:vanersborgs-bostads-ab",
        "lonerevision-vd",
        concerning="vanersborgs-energi-ab",
    )

    assert own.outcome == "allowed"
    assert other.outcome == "denied"
    assert other.reasons == (
        f"Beslutet fattas av styrelsen för Vänersborgs Energi AB, inte av Vänersborgs Bostads AB "
        f"({KDI} 6.1.2).",
    )


def test_the_director_as_a_person_decides_through_her_post(engine):
    verdict = ask(
        engine,
        "vanersborg",
        f"person:{KATARINA}",
        "organisationsforandring",
        concerning="utvecklingsstaben",
    )

    assert verdict.outcome == "allowed"

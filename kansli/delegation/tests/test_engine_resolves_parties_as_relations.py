"""The engine names no party in words: a party of the organization concerned ("berörd
nämndordförande") comes back as its relation to an organization, as data, and the Django side
words it ("ordföranden i socialnämnden") before a verdict is shown or stored."""

import pytest

from kansli.delegation.engine import (
    Actor,
    Engine,
    Party,
    Query,
    Relation,
    Requirement,
    Verdict,
)
from kansli.delegation.reasons import worded
from kansli.delegation.tests import TODAY, order, rule, seed_engine, vanersborg


@pytest.fixture(scope="module")
def engine() -> Engine:
    return seed_engine()


def director_asks(engine: Engine, decision_type: str, concerning: str) -> Verdict:
    return engine.check(
        Query(
            body="vanersborg",
            actor=Actor("position", "kommundirektor"),
            decision_type=decision_type,
            date=TODAY,
            concerning=concerning,
        )
    )


def relations(verdict: Verdict) -> list[tuple[str, str, Relation | None]]:
    return [
        (s.requirement.party.key, s.requirement.party.name, s.requirement.party.relation)
        for s in verdict.requirements
    ]


def test_the_chair_and_the_head_of_the_organization_concerned_are_relations(engine):
    verdict = director_asks(engine, "narvaro-och-yttranderatt", "socialnamnden")

    assert relations(verdict) == [
        ("ks-ordforande", "kommunstyrelsens ordförande", None),
        ("socialnamnden-ordforande", "", Relation("chair", "socialnamnden", "socialnämnden")),
        (
            "socialforvaltningen-chef",
            "",
            Relation("head", "socialforvaltningen", "socialförvaltningen"),
        ),
    ]
    assert verdict.reasons == ()


def test_the_presidium_of_the_committee_above_is_a_relation(engine):
    verdict = director_asks(engine, "anstallning-forvaltningschef", "socialforvaltningen")

    assert (
        "socialnamnden-presidium",
        "",
        Relation("presidium", "socialnamnden", "socialnämnden"),
    ) in relations(verdict)


def test_a_company_answers_through_its_board(engine):
    verdict = director_asks(engine, "bereda-anstallning-vd", "vanersborgs-bostads-ab")

    assert relations(verdict)[0] == (
        "vanersborgs-bostads-ab",
        "",
        Relation("board", "vanersborgs-bostads-ab", "Vänersborgs Bostads AB"),
    )


def test_a_department_answers_through_its_committee():
    concerned = Party("organization", "berord", "berörd nämnd")
    engine = Engine(
        [vanersborg()],
        [order(rule(requirements=(Requirement("consultation", "before", concerned),)))],
    )
    query = Query(
        body="vanersborg",
        actor=Actor("position", "kommundirektor"),
        decision_type="inkop",
        date=TODAY,
        concerning="socialforvaltningen",
    )

    verdict = engine.check(query)

    assert relations(verdict) == [
        ("socialnamnden", "", Relation("organization", "socialnamnden", "socialnämnden"))
    ]
    assert worded(verdict).reasons[-1] == (
        "Beslutet kräver samråd med socialnämnden (Delegationsordning för kommunstyrelsen 1)."
    )


def test_the_django_side_words_each_relation(engine):
    chair_and_head = worded(director_asks(engine, "narvaro-och-yttranderatt", "socialnamnden"))
    presidium = worded(director_asks(engine, "anstallning-forvaltningschef", "socialforvaltningen"))
    board = worded(director_asks(engine, "bereda-anstallning-vd", "vanersborgs-bostads-ab"))

    names = [
        s.requirement.party.name
        for verdict in (chair_and_head, presidium, board)
        for s in verdict.requirements
    ]
    assert names == [
        "kommunstyrelsens ordförande",
        "ordföranden i socialnämnden",
        "chefen för socialförvaltningen",
        "presidiet i socialnämnden",
        "personal- och förhandlingsutskottet",
        "styrelsen för Vänersborgs Bostads AB",
        "kommunstyrelsens presidium",
    ]
    assert board.as_dict()["requirements"][0]["party"] == {
        "kind": "organization",
        "slug": "vanersborgs-bostads-ab",
        "name": "styrelsen för Vänersborgs Bostads AB",
        "relation": {
            "code": "board",
            "organization": "vanersborgs-bostads-ab",
            "organization_name": "Vänersborgs Bostads AB",
        },
    }

"""The shapes `kansli authority rules --json` and `kansli authority check --json` promise, what
an actor may decide, and the clear errors for questions that cannot be answered."""

from decimal import Decimal

import pytest

from kansli.delegation.engine import Actor, CheckError, Engine, Query, parse_done
from kansli.delegation.reasons import sek, sentence
from kansli.delegation.tests import TODAY, ask, seed_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return seed_engine()


def test_a_verdict_as_json(engine):
    verdict = ask(
        engine,
        "vanersborg",
        "position:kommundirektor",
        "organisationsforandring",
        concerning="socialforvaltningen",
    )

    assert verdict.as_dict() == {
        "outcome": "requirements_pending",
        "basis": [{"document": "Kommundirektörsinstruktion", "section": "5.2.3", "rule": "5.2.3"}],
        "requirements": [
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
        ],
        "reporting": [
            {
                "kind": "report",
                "when": "after",
                "party": {
                    "kind": "organization",
                    "slug": "ks",
                    "name": "kommunstyrelsen",
                    "relation": None,
                },
                "optional": False,
                "at_next_meeting": False,
            }
        ],
        "reasons": [
            "Kommundirektören får besluta: Organisationsförändringar inom andra förvaltningar "
            "samt inrätta och avveckla förvaltningschefstjänster och verksamhetsområden "
            "(Kommundirektörsinstruktion 5.2.3).",
            "Beslutet kräver godkännande av personal- och förhandlingsutskottet "
            "(Kommundirektörsinstruktion 5.2.3).",
            "Beslutet ska anmälas till kommunstyrelsen (kommunallagen 7 kap. 8 §).",
        ],
    }


def test_a_rule_as_json(engine):
    (_order, rule), *_ = engine.rules_for("vanersborg", "anstallning-stabschef", TODAY)

    assert rule.as_dict() == {
        "id": "kdi-5.1.1-a",
        "number": "5.1.1 a",
        "decision_type": "anstallning-stabschef",
        "matter": "Anställa stabschefer",
        "delegate": {
            "kind": "position",
            "slug": "kommundirektor",
            "name": "kommundirektören",
            "relation": None,
        },
        "substitutes": [],
        "scope": [
            {
                "organization": "kommunstyrelseforvaltningen",
                "subtree": True,
                "excluding": [],
                "kinds": [],
                "wholly_owned": False,
            }
        ],
        "limits": {"max_amount": None, "max_months": None, "conditions": []},
        "requirements": [
            {
                "kind": "consultation",
                "when": "before",
                "party": {
                    "kind": "chair",
                    "slug": "ks",
                    "name": "kommunstyrelsens ordförande",
                    "relation": None,
                },
                "optional": False,
                "at_next_meeting": False,
            },
            {
                "kind": "report",
                "when": "after",
                "party": {
                    "kind": "organization",
                    "slug": "ks",
                    "name": "kommunstyrelsen",
                    "relation": None,
                },
                "optional": False,
                "at_next_meeting": False,
            },
        ],
        "subdelegation": {"allowed": False, "to": []},
        "source": {"document": "Kommundirektörsinstruktion", "section": "5.1.1"},
        "legal_basis": ["KL 7 kap. 5 §"],
    }


def test_what_the_director_may_decide(engine):
    numbers = {
        rule.number
        for _order, rule in engine.powers("vanersborg", Actor("position", "kommundirektor"), TODAY)
    }

    assert {"3.8", "5.1.2 a", "5.2.3", "6.1.2 a"} <= numbers
    assert "2.1 a" not in numbers


def test_what_a_company_board_and_a_committee_may_decide(engine):
    def numbers(organization: str) -> set[str]:
        actor = Actor("organization", organization)
        return {rule.number for _order, rule in engine.powers("vanersborg", actor, TODAY)}

    assert "6.1.2 b" in numbers("vanersborgs-bostads-ab")
    assert "6.1.2 b" not in numbers("socialnamnden")
    assert {"2.1 a", "2.1 b"} <= numbers("socialnamnden")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (Query("sundsvall", Actor("position", "x"), "inkop", TODAY), "Okänd huvudman ”sundsvall”."),
        (
            Query("vanersborg", Actor("position", "kommundirektor"), "inkop", TODAY),
            "Okänd beslutstyp ”inkop” hos Vänersborgs kommun.",
        ),
        (
            Query("vanersborg", Actor("position", "borgmastare"), "lonesattning", TODAY),
            "Vänersborgs kommun har ingen befattning ”borgmastare”.",
        ),
        (
            Query("vanersborg", Actor("person", 999), "lonesattning", TODAY),
            "Vänersborgs kommun har ingen person med id 999.",
        ),
        (
            Query(
                "vanersborg",
                Actor("position", "kommundirektor"),
                "lonesattning",
                TODAY,
                concerning="tekniska-namnden",
            ),
            "Vänersborgs kommun har ingen organisation ”tekniska-namnden”.",
        ),
    ],
)
def test_a_question_about_something_unknown_is_refused_clearly(engine, query, message):
    with pytest.raises(CheckError) as refused:
        engine.check(query)

    assert sentence(refused.value.reason) == message


def test_a_done_requirement_is_written_kind_colon_party():
    assert parse_done("approval:pfu") == ("approval", "pfu")
    with pytest.raises(CheckError) as refused:
        parse_done("godkänt av pfu")
    assert "SLAG:PART" in sentence(refused.value.reason)


def test_an_amount_in_a_reason_reads_as_swedes_write_it():
    assert sek(Decimal("1500000.00")) == "1\u00a0500\u00a0000 kronor"
    assert sek(Decimal("1500.5")) == "1\u00a0500,50 kronor"

"""The readiness check over plain facts: what is missing before a case may go on an agenda,
each with a message citing its source."""

from kansli.preparation.readiness import Facts, check

RULE = "Kommundirektörsinstruktion"

COMPLETE = Facts(has_report=True, clauses=1, has_rapporteur=True)


def keys(facts: Facts) -> list[str]:
    return [missing.key for missing in check(facts).missing]


def test_a_case_with_report_clause_and_rapporteur_is_ready() -> None:
    assert check(COMPLETE).ready


def test_an_empty_preparation_lacks_report_clause_and_rapporteur() -> None:
    readiness = check(Facts(has_report=False, clauses=0, has_rapporteur=False, source=RULE))

    assert not readiness.ready
    assert [m.key for m in readiness.missing] == ["report", "clause", "rapporteur"]
    assert readiness.missing[0].message.startswith("Tjänsteskrivelse saknas.")
    assert all(f"({RULE})" in m.message for m in readiness.missing)


def test_without_a_rule_of_its_own_the_director_s_instruction_is_cited_and_no_body_s() -> None:
    readiness = check(Facts(has_report=False, clauses=1, has_rapporteur=True))

    assert readiness.missing[0].message.endswith("(direktörens instruktion).")


def test_a_case_from_another_committee_needs_its_statement_and_the_financing() -> None:
    facts = Facts(
        has_report=True,
        clauses=2,
        has_rapporteur=True,
        referred_from="Socialnämnden",
        source="Instruktion till landstingsdirektör",
    )

    readiness = check(facts)

    assert [m.key for m in readiness.missing] == ["statement", "financing"]
    assert readiness.missing[0].message.startswith("Yttrande från Socialnämnden saknas.")
    assert "finansiering av förslagen" in readiness.missing[1].message
    assert "(Instruktion till landstingsdirektör)" in readiness.missing[1].message


def test_with_statement_and_financing_a_referred_case_is_ready() -> None:
    facts = Facts(
        has_report=True,
        clauses=1,
        has_rapporteur=True,
        referred_from="Socialnämnden",
        has_referrer_statement=True,
        has_financing=True,
    )

    assert check(facts).ready


def test_the_bodys_own_source_is_cited() -> None:
    facts = Facts(
        has_report=True, clauses=0, has_rapporteur=True, source="Kommundirektörsinstruktion 4.1.1"
    )

    (missing,) = check(facts).missing

    assert missing.message.endswith("(Kommundirektörsinstruktion 4.1.1).")

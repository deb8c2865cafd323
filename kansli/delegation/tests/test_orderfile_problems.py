"""Reading an order file reports every problem at once, each with file, line, field and a
Swedish message."""

import textwrap
from pathlib import Path

import pytest

from kansli.delegation import orderfile
from kansli.delegation.engine import Reason
from kansli.delegation.orderfile import FileProblem, OrderFileError
from kansli.delegation.reasons import file_problem_text, sentence
from kansli.delegation.tests import vanersborg

HEADER = """\
order:
  id: ks-do-2024
  body: vanersborg
  organization: ks
  document: Delegationsordning för kommunstyrelsen
  version: "1"
  valid_from: 2024-01-01
parties:
  kommundirektor: {kind: position, name: kommundirektören}
  ks: {kind: organization, name: kommunstyrelsen}
  stabschef-ekonomistaben: {kind: position, name: stabschefen för ekonomistaben}
decision_types:
  budget: {name: Nämndens budget, non_delegable: mal-inriktning-omfattning-kvalitet}
  inkop: {name: Inköp}
"""


def problems(text: str, **options: object) -> list[tuple[int, str, str]]:
    with pytest.raises(OrderFileError) as error:
        orderfile.loads(text, filename="ordning.yaml", **options)
    assert all(problem.file == "ordning.yaml" for problem in error.value.problems)
    return [(p.line, p.field, sentence(p.reason)) for p in error.value.problems]


def test_every_problem_in_a_file_is_reported_at_once():
    text = HEADER.replace("valid_from: 2024-01-01", "valid_from: 2024-13-01") + textwrap.dedent(
        """\
        rules:
          - id: r1
            number: "1"
            decision_type: budget
            matter: Nämndens budget
            delegate: kommundirektor
            source: {section: "1"}
          - id: r2
            number: "2"
            decision_type: inkop
            matter: Inköp
            delegate: ekonomichef
            limits: {max_amount: mycket}
            source: {section: "2"}
          - id: r3
            number: "3"
            decision_type: hyra
            delegate: kommundirektor
            colour: red
            source: {section: "3"}
        """
    )

    assert problems(text) == [
        (7, "order.valid_from", "”2024-13-01” är inget datum; skriv ÅÅÅÅ-MM-DD."),
        (
            20,
            "rules[0].delegate",
            "”Nämndens budget” gäller verksamhetens mål, inriktning, omfattning eller kvalitet och "
            "får inte delegeras till kommundirektören (kommunallagen 6 kap. 38 §).",
        ),
        (26, "rules[1].delegate", "Okänd part ”ekonomichef”; lägg till den under parties."),
        (
            27,
            "rules[1].limits.max_amount",
            "”mycket” är inget belopp i kronor; skriv t.ex. 250000 eller 1500.50.",
        ),
        (29, "rules[2].matter", "Fältet ”matter” saknas."),
        (
            31,
            "rules[2].decision_type",
            "Okänd beslutstyp ”hyra”; lägg till den under decision_types.",
        ),
        (
            33,
            "rules[2].colour",
            "Okänt fält ”colour”; tillåtna: id, number, decision_type, matter, delegate, source, "
            "substitutes, scope, limits, requirements, subdelegation, legal_basis.",
        ),
    ]


def test_a_sub_delegation_wider_than_the_delegates_power_names_its_line():
    text = HEADER + textwrap.dedent(
        """\
        rules:
          - id: r1
            number: "1"
            decision_type: inkop
            matter: Inköp
            delegate: kommundirektor
            limits: {max_amount: 500 000}
            subdelegation: {allowed: true}
            source: {section: "1"}
        subdelegations:
          - id: vd-1
            rule: r1
            to: stabschef-ekonomistaben
            valid_from: 2024-02-01
            limits: {max_amount: 900000}
            source: {document: Kommundirektörens vidaredelegering, section: "1"}
        """
    )

    assert problems(text) == [
        (
            29,
            "subdelegations[0].limits",
            "Vidaredelegeringen ger 900\u00a0000 kronor, men regel 1 gäller högst 500\u00a0000 "
            "kronor.",
        )
    ]


def test_a_party_key_must_say_whose_chair_it_names():
    chair = "  ordf: {kind: chair, name: ordföranden}\n"
    text = HEADER.replace("decision_types:\n", chair + "decision_types:\n") + "rules: []\n"

    assert problems(text) == [
        (12, "parties.ordf", "En part av sorten chair ska ha en nyckel som ”ks-ordforande”.")
    ]


def test_with_the_directory_unknown_slugs_are_reported():
    text = HEADER.replace("stabschef-ekonomistaben:", "stabschef-ekonomi:") + "rules: []\n"

    assert problems(text, directory=vanersborg()) == [
        (
            11,
            "parties.stabschef-ekonomi",
            "Vänersborgs kommun har ingen befattning ”stabschef-ekonomi” (för stabschefen för "
            "ekonomistaben).",
        )
    ]


def test_a_file_that_is_not_yaml_names_its_line():
    found = problems("order:\n  id: [unclosed\nrules: []\n")

    assert [(line, field) for line, field, _ in found] == [(3, "")]
    assert found[0][2].startswith("Filen är inte giltig YAML:")


def test_an_empty_file_is_refused():
    assert problems("") == [(1, "", "Filen är tom.")]


def test_the_problems_print_as_file_line_field_message():
    problem = FileProblem("ordning.yaml", 7, "order.valid_from", Reason("ends_before_start"))

    assert file_problem_text(problem) == (
        "ordning.yaml:7: order.valid_from: Slutdatum före startdatum."
    )


def test_the_documented_example_reads_without_problems():
    guide = Path(__file__).resolve().parents[3] / "docs" / "delegation-order-format.md"
    example = guide.read_text(encoding="utf-8").split("```yaml\n")[1].split("```")[0]

    order = orderfile.loads(example, directory=vanersborg())

    assert [rule.number for rule in order.rules] == ["3.1", "4.2", "1.1"]
    assert order.subdelegations[0].rule == "ks-3.1"

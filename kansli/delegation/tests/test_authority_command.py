"""`kansli authority rules` and `kansli authority check`: the JSON contract, readable Swedish
without --json, and exit code 2 with a Swedish message for a question that cannot be asked."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kansli.delegation.models import DelegationRule


def authority(*arguments: str) -> str:
    out = StringIO()
    call_command("authority", *arguments, stdout=out)
    return out.getvalue()


def test_rules_json_lists_every_rule_in_force_with_the_contract_s_fields(demo):
    rules = json.loads(authority("rules", "--body", "vanersborg", "--json"))

    in_force = DelegationRule.objects.filter(order__body__slug="vanersborg")
    assert [rule["id"] for rule in rules] == list(
        in_force.order_by("position").values_list("key", flat=True)
    )
    rule = next(rule for rule in rules if rule["id"] == "kdi-5.2.3")
    assert rule == {
        "id": "kdi-5.2.3",
        "number": "5.2.3",
        "decision_type": "organisationsforandring",
        "matter": rule["matter"],
        "delegate": {
            "kind": "position",
            "slug": "kommundirektor",
            "name": "kommundirektören",
            "relation": None,
        },
        "substitutes": [],
        "scope": [
            {
                "organization": None,
                "subtree": True,
                "excluding": ["kommunstyrelseforvaltningen"],
                "kinds": ["department"],
                "wholly_owned": False,
            }
        ],
        "limits": {"max_amount": None, "max_months": None, "conditions": []},
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
        "source": {"document": "Kommundirektörsinstruktion", "section": "5.2.3"},
        "legal_basis": ["KL 7 kap. 5 §"],
    }
    assert rule["matter"].startswith("Organisationsförändringar inom andra förvaltningar")


def test_rules_of_one_decision_type_before_any_order_was_in_force(demo):
    assert (
        json.loads(
            authority("rules", "--body", "vanersborg", "--decision", "lonesattning", "--json")
        )
        != []
    )
    assert authority("rules", "--body", "vanersborg", "--date", "2010-01-01", "--json") == "[]\n"


def test_check_json_answers_with_outcome_basis_requirements_reporting_and_reasons(demo):
    verdict = json.loads(
        authority(
            "check",
            "--body",
            "vanersborg",
            "--position",
            "kommundirektor",
            "--decision",
            "organisationsforandring",
            "--concerning",
            "socialforvaltningen",
            "--done",
            "approval:pfu",
            "--json",
        )
    )

    assert verdict == {
        "outcome": "allowed",
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
                "satisfied": True,
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
        "reasons": verdict["reasons"],
    }
    assert (
        "Godkännande av personal- och förhandlingsutskottet har lämnats "
        "(Kommundirektörsinstruktion 5.2.3)." in verdict["reasons"]
    )


def test_check_without_json_reads_as_swedish(demo):
    text = authority(
        "check",
        "--body",
        "vanersborg",
        "--position",
        "kommundirektor",
        "--decision",
        "organisationsforandring",
        "--concerning",
        "socialforvaltningen",
    )

    assert text.splitlines()[:4] == [
        "Får beslutas när kraven är uppfyllda.",
        "Grund: Kommundirektörsinstruktion 5.2.3, regel 5.2.3",
        "[ ] godkännande av personal- och förhandlingsutskottet (före beslutet)",
        "Efteråt: anmälan till kommunstyrelsen",
    ]


def test_a_denied_decision_is_an_answer_not_an_error(demo):
    verdict = json.loads(
        authority(
            "check",
            "--body",
            "vanersborg",
            "--position",
            "handlaggare",
            "--decision",
            "lonesattning",
            "--concerning",
            "ekonomistaben",
            "--json",
        )
    )

    assert verdict["outcome"] == "denied"
    assert verdict["reasons"][0].startswith("Handläggare har inte rätt att besluta om")


CHECK = ["check", "--body", "vanersborg", "--decision", "lonesattning"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["check", "--body", "finns-inte", "--position", "kommundirektor", "--decision", "x"],
         "Det finns ingen kommun eller region med kortnamnet finns-inte. "
         "Kortnamnen är: blekinge, vanersborg."),
        ([*CHECK, "--position", "finns-inte"],
         "Vänersborgs kommun har ingen befattning ”finns-inte”."),
        ([*CHECK, "--person", "abc"], "Ogiltigt person-id abc: ange ett heltal."),
        ([*CHECK, "--person", "999999"], "Vänersborgs kommun har ingen person med id 999999."),
        ([*CHECK, "--organization", "finns-inte"],
         "Vänersborgs kommun har ingen organisation ”finns-inte”."),
        (["check", "--body", "vanersborg", "--position", "kommundirektor", "--decision", "x"],
         "Okänd beslutstyp ”x” hos Vänersborgs kommun."),
        ([*CHECK, "--position", "kommundirektor", "--date", "2025-02-30"],
         "Datumet 2025-02-30 finns inte i kalendern."),
        ([*CHECK, "--position", "kommundirektor", "--amount", "mycket"],
         "Ogiltigt belopp mycket: ange kronor, t.ex. 250000 eller 1500.50."),
        ([*CHECK, "--position", "kommundirektor", "--done", "pfu"],
         "”pfu” ska skrivas SLAG:PART, där SLAG är consultation, approval, notification, report."),
        ([*CHECK, "--position", "kommundirektor", "--concerning", "finns-inte"],
         "Vänersborgs kommun har ingen organisation ”finns-inte”."),
    ],
)  # fmt: skip
def test_bad_input_exits_with_code_2_and_says_what_is_wrong(demo, arguments, message):
    with pytest.raises(CommandError) as error:
        authority(*arguments)

    assert error.value.returncode == 2
    assert str(error.value) == message

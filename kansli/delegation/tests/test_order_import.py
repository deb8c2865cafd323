"""Importing a delegation order from YAML: every problem reported with file, line and field;
the guards of kommunallagen refuse the import; what is stored is audited."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from kansli.audit.models import Event
from kansli.delegation.models import DelegationOrder
from kansli.delegation.services import order_import

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "delegation-order-format.md"
EXAMPLE = GUIDE.read_text(encoding="utf-8").split("```yaml\n")[1].split("```")[0]


def refusals(body, text: str) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        order_import(actor=None, body=body, text=text, source_name="ordning.yaml")
    return refused.value.messages


def test_the_documented_example_is_stored_with_its_rules_duties_and_audit(demo):
    before = Event.objects.count()

    order = order_import(
        actor=None, body=demo["vanersborg"], text=EXAMPLE, source_name="ordning.yaml"
    )

    assert order.key == "ks-delegationsordning-2025"
    assert order.organization.slug == "ks"
    assert [rule.number for rule in order.rules.all()] == ["3.1", "4.2", "1.1"]
    assert order.duties.get().holder_slug == "kommundirektor"
    assert order.source_text == EXAMPLE
    assert order.source_name == "ordning.yaml"
    # The order, three decision types, three rules and a duty.
    assert Event.objects.count() - before == 8


def test_an_instruction_is_linked_to_its_governing_document_by_name(demo):
    order = DelegationOrder.objects.get(body=demo["vanersborg"])

    assert order.governing_document.slug == "kommundirektorsinstruktion"


def test_every_problem_is_reported_with_file_line_and_field(demo):
    text = EXAMPLE.replace("valid_from: 2025-01-01", "valid_from: 2025-13-01").replace(
        "max_amount: 500 000", "max_amount: mycket"
    )

    messages = refusals(demo["vanersborg"], text)

    assert messages == [
        "ordning.yaml:11: order.valid_from: ”2025-13-01” är inget datum; skriv ÅÅÅÅ-MM-DD.",
        "ordning.yaml:38: rules[0].limits.max_amount: ”mycket” är inget belopp i kronor; "
        "skriv t.ex. 250000 eller 1500.50.",
        # The rule that could not be read is not there for its sub-delegation either.
        "ordning.yaml:77: subdelegations[0].rule: Okänd regel ”ks-3.1”.",
    ]
    assert not DelegationOrder.objects.filter(key="ks-delegationsordning-2025").exists()


def test_a_non_delegable_matter_given_to_the_director_is_refused(demo):
    text = EXAMPLE.replace(
        "    decision_type: budget\n    matter: Besluta om nämndens budget\n    delegate: ks",
        "    decision_type: budget\n    matter: Besluta om nämndens budget\n"
        "    delegate: kommundirektor",
    )

    messages = refusals(demo["vanersborg"], text)

    assert messages == [
        "ordning.yaml:63: rules[2].delegate: ”Nämndens budget” gäller verksamhetens mål, "
        "inriktning, omfattning eller kvalitet och får inte delegeras till kommundirektören "
        "(kommunallagen 6 kap. 38 §)."
    ]


def test_a_non_delegable_matter_given_to_a_subcommittee_is_refused(demo):
    text = EXAMPLE.replace(
        "    decision_type: budget\n    matter: Besluta om nämndens budget\n    delegate: ks",
        "    decision_type: budget\n    matter: Besluta om nämndens budget\n    delegate: pfu",
    )

    [message] = refusals(demo["vanersborg"], text)

    assert "får inte delegeras till personal- och förhandlingsutskottet" in message


def test_a_sub_delegation_wider_than_the_rule_is_refused(demo):
    text = EXAMPLE.replace("limits: {max_amount: 100000}", "limits: {max_amount: 900000}")

    [message] = refusals(demo["vanersborg"], text)

    assert message == (
        "ordning.yaml:82: subdelegations[0].limits: Vidaredelegeringen ger 900\u00a0000 kronor, "
        "men regel 3.1 gäller högst 500\u00a0000 kronor."
    )


def test_an_order_naming_what_the_body_lacks_is_refused(demo):
    messages = refusals(demo["blekinge"], EXAMPLE)

    assert messages[0] == (
        "ordning.yaml:5: order.body: Ordningen gäller ”vanersborg”, inte Region Blekinge "
        "(”blekinge”)."
    )
    assert (
        "ordning.yaml:15: parties.kommundirektor: Region Blekinge har ingen befattning "
        "”kommundirektor” (för kommundirektören)."
    ) in messages


def test_the_same_order_cannot_be_imported_twice(demo):
    order_import(actor=None, body=demo["vanersborg"], text=EXAMPLE, source_name="ordning.yaml")

    assert refusals(demo["vanersborg"], EXAMPLE) == [
        "ordning.yaml: order.id: Ordningen ”ks-delegationsordning-2025” finns redan hos "
        "Vänersborgs kommun."
    ]


def test_a_decision_type_defined_otherwise_than_in_another_order_is_refused(demo):
    text = EXAMPLE.replace(
        "organisationsforandring: {name: Organisationsförändring}",
        "organisationsforandring: {name: Omorganisation}",
    )

    [message] = refusals(demo["vanersborg"], text)

    assert message.startswith("ordning.yaml: Delegationsordning för kommunstyrelsen")
    assert "Beslutstypen ”organisationsforandring” är definierad på två olika sätt." in message

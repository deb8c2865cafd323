"""delegation 0002 and decisions 0005 store the duty to inform as "notification", no longer as
"notice": the rules' requirements, the evidence and the stored verdicts, back and forth, each
change recorded in the event log (so that, on PostgreSQL, its triggers see no change made
around it)."""

import datetime
import json
from collections.abc import Callable

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kansli.audit.models import Event, RowChange
from kansli.audit.triggers import install_triggers
from kansli.decisions.models import Decision, Evidence
from kansli.decisions.tests.conftest import organization
from kansli.delegation.models import DelegationRule
from kansli.organisation.models import Body

pytestmark = pytest.mark.slow

BEFORE = [("decisions", "0004_remove_assignmentreport_agenda_item"), ("delegation", "0001_initial")]


def migrate(targets: list[tuple[str, str]] | None = None) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


def stored_kinds(table: str, pk: int, column: str) -> list[str]:
    """The requirement kinds a row holds, read past today's models."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        value = cursor.fetchone()[0]
    if column == "kind":
        return [value]
    data = json.loads(value) if isinstance(value, str) else value
    items = data if isinstance(data, list) else data["requirements"] + data["reporting"]
    return [item["kind"] for item in items]


def logged_kind(evidence: Evidence) -> str:
    """The evidence's kind as the last event of it in the log gives it."""
    event = Event.objects.filter(object_type="decisions.evidence", object_id=str(evidence.pk))
    return event.order_by("seq").last().after["kind"]


@pytest.mark.django_db(transaction=True)
def test_the_duty_to_inform_is_renamed_both_ways_in_the_log(
    reorganise: Callable[..., Decision], vanersborg: Body, today: datetime.date
) -> None:
    decision = reorganise(
        decision_type="narvaro-och-yttranderatt",
        concerning=organization(vanersborg, "socialnamnden"),
        evidence=[("notification", "socialnamnden-ordforande", today, "")],
    )
    evidence = Evidence.objects.get(decision=decision)
    rule = DelegationRule.objects.get(order__body=vanersborg, key="kdi-5.2.1")
    kinds = ["consultation", "notification", "notification"]
    install_triggers(connection)

    try:
        migrate(BEFORE)
        old = ["consultation", "notice", "notice"]
        assert stored_kinds("delegation_delegationrule", rule.pk, "requirements") == old
        assert stored_kinds("decisions_decision", decision.pk, "verdict") == old
        assert stored_kinds("decisions_evidence", evidence.pk, "kind") == ["notice"]
        assert logged_kind(evidence) == "notice"
    finally:
        migrate()

    assert stored_kinds("delegation_delegationrule", rule.pk, "requirements") == kinds
    assert stored_kinds("decisions_decision", decision.pk, "verdict") == kinds
    assert Evidence.objects.get(pk=evidence.pk).kind == Evidence.Kind.NOTIFICATION
    assert logged_kind(evidence) == "notification"
    assert not RowChange.objects.exists()

"""Vänersborg 5.2.3: the director may change the organisation of another department after
PFU's approval. Without it the decision stays a draft; the approval completes it."""

import datetime
from collections.abc import Callable

from django.conf import settings

from kansli.accounts.models import User
from kansli.decisions.models import Decision
from kansli.decisions.selectors import decision_requirements
from kansli.decisions.services import evidence_add


def test_without_pfus_approval_the_decision_is_a_draft_citing_5_2_3(
    reorganise: Callable[..., Decision],
) -> None:
    decision = reorganise()

    assert decision.status == Decision.Status.DRAFT
    assert decision.verdict["outcome"] == "requirements_pending"
    assert (
        "Beslutet kräver godkännande av personal- och förhandlingsutskottet "
        "(Kommundirektörsinstruktion 5.2.3)." in decision.verdict["reasons"]
    )
    assert (decision.source_document, decision.source_section, decision.source_rule) == (
        "Kommundirektörsinstruktion",
        "5.2.3",
        "5.2.3",
    )
    [requirement] = decision_requirements(decision=decision)
    assert requirement.label == "Godkännande av personal- och förhandlingsutskottet"
    assert not requirement.satisfied
    assert requirement.evidence is None


def test_the_approval_records_the_draft_as_a_decision_under_the_instruction(
    reorganise: Callable[..., Decision], director: User, today: datetime.date
) -> None:
    draft = reorganise()

    decision = evidence_add(
        actor=director,
        decision=draft,
        kind="approval",
        party="pfu",
        date=today,
        note="PFU 2025-03-04, § 12",
    )

    assert decision.status == Decision.Status.RECORDED
    assert decision.kind == Decision.Kind.INSTRUCTION
    assert decision.verdict["outcome"] == "allowed"
    [requirement] = decision_requirements(decision=decision)
    assert requirement.satisfied
    assert requirement.evidence.note == "PFU 2025-03-04, § 12"
    assert requirement.evidence.recorded_by == director.person


def test_a_decision_recorded_with_the_approval_is_reported_to_the_board_within_the_set_days(
    reorganise: Callable[..., Decision], today: datetime.date
) -> None:
    decision = reorganise(evidence=[("approval", "pfu", today, "PFU § 12")])

    assert decision.status == Decision.Status.RECORDED
    assert decision.report_to.slug == "ks"
    assert decision.report_due == today + datetime.timedelta(days=settings.DECISION_REPORT_DAYS)
    assert decision.unreported
    assert decision.evidence.get().party_name == "personal- och förhandlingsutskottet"

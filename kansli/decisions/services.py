"""Writes to the register of decisions, each one checked against the delegation orders, saved
and audited in one transaction.

A decision is put to the delegation engine when it is recorded and again whenever evidence is
added. Denied: nothing is saved, and the error quotes the engine's reasons with the rules they
cite. Requirements pending (a consultation or approval not yet had): saved as a draft. Allowed:
recorded, with the organization it must be reported to and the date it must be reported by.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.decisions.models import Decision, Evidence
from kansli.decisions.selectors import (
    Capacity,
    decision_type_name,
    decision_verdict,
    requirements_before,
    source_document,
)
from kansli.delegation import engine
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Appointment, Body, Membership, Organization, Person


class DecisionDeniedError(ValidationError):
    """The engine denies the decision; the messages are its reasons, citing the rules."""

    def __init__(self, verdict: engine.Verdict) -> None:
        self.verdict = verdict
        intro = _("Beslutet kan inte registreras: beslutsfattaren har inte rätt att fatta det.")
        super().__init__([intro, *verdict.reasons])


@dataclass(frozen=True)
class EvidenceRow:
    """A requirement that has been met: its kind, the party's key, the date and a note."""

    kind: str
    party: str
    date: datetime.date
    note: str = ""


def report_due_on(*, decided_on: datetime.date) -> datetime.date:
    """The last day to report a delegated decision (KL 7 kap. 8 §): the orders set no date of
    their own, so DECISION_REPORT_DAYS days after the decision."""
    return decided_on + datetime.timedelta(days=settings.DECISION_REPORT_DAYS)


def _recorder(actor: Actor, body: Body) -> Person:
    """The person behind the signed-in user or API token, who records in their own name."""
    person = getattr(actor, "person", None)
    if person is None:
        raise PermissionDenied(
            _("Bara användare som är kopplade till en person kan registrera beslut.")
        )
    if person.body_id != body.pk:
        raise PermissionDenied(
            _("%(person)s hör inte till %(body)s.") % {"person": person, "body": body}
        )
    return person


def _refuse_other_capacity(
    decided_by: Person, capacity: Capacity, body: Body, on: datetime.date
) -> None:
    """The capacity must be the decision maker's own on the day of the decision."""
    if capacity is None:
        return
    if capacity.body_id != body.pk:
        raise ValidationError(
            _("%(capacity)s hör inte till %(body)s.") % {"capacity": capacity, "body": body}
        )
    words = {"person": decided_by, "capacity": capacity, "date": on}
    if isinstance(capacity, Organization):
        seated = Membership.objects.on(on).filter(person=decided_by, organization=capacity)
        if not seated.exclude(role=Membership.Role.SUBSTITUTE).exists():
            raise ValidationError(_("%(person)s sitter inte i %(capacity)s den %(date)s.") % words)
    elif not Appointment.objects.on(on).filter(person=decided_by, position=capacity).exists():
        raise ValidationError(
            _("%(person)s innehar inte befattningen %(capacity)s den %(date)s.") % words
        )


def _kind(body: Body, verdict: engine.Verdict, capacity: Capacity) -> str:
    """At a meeting when an organization decides; under the instruction when the rule is one
    of a director's instruction; otherwise a delegate's decision."""
    if isinstance(capacity, Organization):
        return Decision.Kind.MEETING
    document = source_document(body=body, document=verdict.basis[0].document)
    if document is not None and document.kind == GoverningDocument.Kind.INSTRUCTION:
        return Decision.Kind.INSTRUCTION
    return Decision.Kind.DELEGATE


def _verdict_fields(body: Body, verdict: engine.Verdict, decided_on: datetime.date) -> dict:
    """What a decision keeps of the verdict: the answer itself, its status, the rule it rests
    on, and to whom and by when it is reported."""
    basis = verdict.basis[0]
    report_to = next(
        (
            organization
            for requirement in verdict.reporting
            if requirement.kind == "report" and requirement.party.kind == "organization"
            for organization in Organization.objects.filter(body=body, slug=requirement.party.slug)
        ),
        None,
    )
    allowed = verdict.outcome == "allowed"
    return {
        "verdict": verdict.as_dict(),
        "status": Decision.Status.RECORDED if allowed else Decision.Status.DRAFT,
        "source_document": basis.document,
        "source_section": basis.section,
        "source_rule": basis.rule,
        "report_to": report_to,
        "report_due": None if report_to is None else report_due_on(decided_on=decided_on),
    }


def _requirement_names(verdict: engine.Verdict) -> dict[tuple[str, str], str]:
    """The requirements before the decision, by (kind, party key), with the party's name."""
    return {(kind, key): name for kind, key, name in requirements_before(verdict)}


def _refuse_evidence(
    rows: list[EvidenceRow], names: dict[tuple[str, str], str], decided_on: datetime.date
) -> None:
    today = timezone.localdate()
    for row in rows:
        words = {"party": row.party, "date": row.date, "decided_on": decided_on}
        if (row.kind, row.party) not in names:
            raise ValidationError(
                _("Beslutet har inget krav på %(kind)s med ”%(party)s”.")
                % {**words, "kind": _kind_name(row.kind)}
            )
        if row.date > today:
            raise ValidationError(_("Datumet %(date)s för ”%(party)s” har inte inträffat.") % words)
        if row.date > decided_on:
            raise ValidationError(
                _(
                    "Kravet ska vara uppfyllt före beslutet: %(date)s för ”%(party)s” är efter "
                    "beslutsdatumet %(decided_on)s."
                )
                % words
            )
    pairs = [(row.kind, row.party) for row in rows]
    if len(set(pairs)) != len(pairs):
        raise ValidationError(_("Samma krav är angivet två gånger."))


def _kind_name(kind: str) -> str:
    return str(Evidence.Kind(kind).label) if kind in Evidence.Kind.values else kind


def _save_evidence(
    actor: Actor,
    decision: Decision,
    rows: list[EvidenceRow],
    names: dict[tuple[str, str], str],
    recorder: Person,
) -> None:
    for row in rows:
        evidence = Evidence(
            decision=decision,
            kind=row.kind,
            party=row.party,
            party_name=names[(row.kind, row.party)],
            took_place_on=row.date,
            recorded_by=recorder,
            note=row.note,
        )
        audit.create(actor=actor, instance=evidence)


@transaction.atomic
def decision_record(
    *,
    actor: Actor,
    body: Body,
    decision_type: str,
    decided_by: Person,
    capacity: Capacity,
    concerning: Organization | None,
    amount: Decimal | None,
    decided_on: datetime.date,
    title: str,
    text: str = "",
    case_reference: str = "",
    evidence: Iterable[EvidenceRow | tuple] = (),
) -> Decision:
    """Record a decision made by `decided_by` (the acting user's own person) in the capacity
    of a position or organization, or as themselves with all their posts and seats.

    `evidence` holds the requirements already met, as (kind, party key, date, note). Raises
    DecisionDeniedError when the engine denies the decision, and nothing is saved; a decision with
    requirements pending is saved as a draft.
    """
    recorder = _recorder(actor, body)
    if recorder != decided_by:
        raise PermissionDenied(_("Du kan bara registrera beslut i ditt eget namn."))
    _refuse_other_capacity(decided_by, capacity, body, decided_on)
    rows = [row if isinstance(row, EvidenceRow) else EvidenceRow(*row) for row in evidence]
    verdict = decision_verdict(
        body=body,
        decision_type=decision_type,
        decided_by=decided_by,
        capacity=capacity,
        concerning=concerning,
        amount=amount,
        on=decided_on,
        done=[(row.kind, row.party) for row in rows],
    )
    if verdict.outcome == "denied":
        raise DecisionDeniedError(verdict)
    names = _requirement_names(verdict)
    _refuse_evidence(rows, names, decided_on)
    decision = Decision(
        body=body,
        kind=_kind(body, verdict, capacity),
        decision_type=decision_type,
        decision_type_name=decision_type_name(body=body, code=decision_type),
        decided_by=decided_by,
        position=capacity if not isinstance(capacity, Organization) else None,
        organization=capacity if isinstance(capacity, Organization) else None,
        concerning=concerning,
        amount=amount,
        decided_on=decided_on,
        title=title,
        text=text,
        case_reference=case_reference,
        **_verdict_fields(body, verdict, decided_on),
    )
    audit.create(actor=actor, instance=decision)
    _save_evidence(actor, decision, rows, names, recorder)
    return decision


@transaction.atomic
def evidence_add(
    *,
    actor: Actor,
    decision: Decision,
    kind: str,
    party: str,
    date: datetime.date,
    note: str = "",
) -> Decision:
    """Record that a requirement of a draft decision has been met, and check the decision
    again: with every requirement met it is recorded."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    recorder = _recorder(actor, decision.body)
    if recorder.pk != decision.decided_by_id:
        raise PermissionDenied(_("Bara beslutsfattaren kan komplettera sitt beslut."))
    if not decision.is_draft:
        raise ValidationError(_("Beslutet är redan registrerat; underlag läggs till ett utkast."))
    row = EvidenceRow(kind, party, date, note)
    done = {(e.kind, e.party) for e in decision.evidence.all()}
    if (kind, party) in done:
        raise ValidationError(_("Kravet har redan ett registrerat underlag."))
    verdict = decision_verdict(
        body=decision.body,
        decision_type=decision.decision_type,
        decided_by=decision.decided_by,
        capacity=decision.position or decision.organization,
        concerning=decision.concerning,
        amount=decision.amount,
        on=decision.decided_on,
        done=[*done, (kind, party)],
    )
    if verdict.outcome == "denied":
        raise DecisionDeniedError(verdict)
    names = _requirement_names(verdict)
    _refuse_evidence([row], names, decision.decided_on)
    _save_evidence(actor, decision, [row], names, recorder)
    return audit.update(
        actor=actor,
        instance=decision,
        **_verdict_fields(decision.body, verdict, decision.decided_on),
    )


@transaction.atomic
def decision_report(
    *,
    actor: Actor,
    decisions: Iterable[Decision],
    reported_on: datetime.date,
    reported_in: str,
) -> list[Decision]:
    """Mark recorded decisions as reported to the organization they are owed to, on a date
    and at a meeting ("KS 2025-03-12, § 45")."""
    reported = []
    for decision in decisions:
        decision = Decision.objects.select_for_update().get(pk=decision.pk)
        words = {"decision": decision, "date": reported_on}
        if not decision.unreported:
            raise ValidationError(
                _("”%(decision)s” är inte ett registrerat beslut som väntar på anmälan.") % words
            )
        if reported_on < decision.decided_on:
            raise ValidationError(
                _("”%(decision)s” kan inte anmälas den %(date)s, före beslutet.") % words
            )
        reported.append(
            audit.update(
                actor=actor, instance=decision, reported_on=reported_on, reported_in=reported_in
            )
        )
    return reported


# The decision type of what an organization decides at its meeting, which no delegation order
# names: the organization decides in its own right.
MEETING_DECISION_TYPE = "sammantradesbeslut"


@transaction.atomic
def meeting_decision_record(
    *,
    actor: Actor,
    organization: Organization,
    decided_on: datetime.date,
    title: str,
    text: str,
    case_reference: str,
    minutes: str,
    minute_number: int,
) -> Decision:
    """Record what an organization decided at a meeting. No delegate decides and no rule of a
    delegation order is its basis: its source is the minutes and their paragraph
    ("KS 2026-12-01", "§ 5")."""
    source = _("Protokoll %(minutes)s") % {"minutes": minutes}
    section = f"§ {minute_number}"
    reason = _("%(organization)s beslutade vid sammanträde, %(minutes)s %(section)s.") % {
        "organization": organization,
        "minutes": minutes,
        "section": section,
    }
    decision = Decision(
        body=organization.body,
        kind=Decision.Kind.MEETING,
        status=Decision.Status.RECORDED,
        decision_type=MEETING_DECISION_TYPE,
        decision_type_name=_("Beslut vid sammanträde"),
        organization=organization,
        decided_on=decided_on,
        title=title[:300],
        text=text,
        case_reference=case_reference,
        # The engine's answer in its own shape (Verdict.as_dict), as every decision keeps it.
        verdict={
            "outcome": "allowed",
            "basis": [{"document": source, "section": section, "rule": str(minute_number)}],
            "requirements": [],
            "reporting": [],
            "reasons": [reason],
        },
        source_document=source,
        source_section=section,
        source_rule=str(minute_number),
    )
    return audit.create(actor=actor, instance=decision)

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

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.decisions.models import (
    Assignment,
    AssignmentReport,
    Decision,
    Evidence,
    ExecutionTask,
)
from kansli.decisions.policy import (
    require_add_evidence,
    require_direct_assignment,
    require_give_execution,
    require_record_assignment,
    require_record_decision,
    require_record_meeting_decision,
    require_report_assignment,
    require_report_decisions,
    require_report_execution,
)
from kansli.decisions.selectors import (
    Before,
    Capacity,
    decision_type_name,
    decision_verdict,
    report_due_on,
    requirements_before,
    source_document,
)
from kansli.delegation import engine
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Appointment, Body, Membership, Organization, Person
from kansli.organisation.selectors import director_of


class DecisionDeniedError(ValidationError):
    """The engine denies the decision; the messages are its reasons, citing the rules."""

    def __init__(self, verdict: engine.Verdict) -> None:
        self.verdict = verdict
        intro = _("Beslutet kan inte registreras: beslutsfattaren har inte rätt att fatta det.")
        super().__init__([intro, *verdict.reasons])


@dataclass(frozen=True)
class EvidenceRow:
    """A requirement that has been met: its kind, the party's key, the date and a note; or,
    `waived`, an optional ("vid behov") consultation found not needed, the note its reason."""

    kind: str
    party: str
    date: datetime.date
    note: str = ""
    waived: bool = False


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
    # KL 6 kap. 39 §: an urgent decision is reported at the organ's next meeting, whose day is
    # read from the meetings (`Decision.report_deadline`), not set here.
    at_next_meeting = report_to is not None and any(
        requirement.at_next_meeting and requirement.party.slug == report_to.slug
        for requirement in verdict.reporting
    )
    allowed = verdict.outcome == "allowed"
    return {
        "verdict": verdict.as_dict(),
        "status": Decision.Status.RECORDED if allowed else Decision.Status.DRAFT,
        "source_document": basis.document,
        "source_section": basis.section,
        "source_rule": basis.rule,
        "report_to": report_to,
        "report_due": None
        if report_to is None or at_next_meeting
        else report_due_on(decided_on=decided_on),
        "report_at_next_meeting": at_next_meeting,
    }


def _requirements(verdict: engine.Verdict) -> dict[tuple[str, str], Before]:
    """The requirements before the decision, by (kind, party key)."""
    return {(before.kind, before.party): before for before in requirements_before(verdict)}


def _met(
    rows: Iterable[EvidenceRow | Evidence],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The requirements done and the optional ones waived, as (kind, party key) pairs."""
    rows = list(rows)
    done = [(row.kind, row.party) for row in rows if not row.waived]
    return done, [(row.kind, row.party) for row in rows if row.waived]


def _refuse_evidence(
    rows: list[EvidenceRow],
    requirements: dict[tuple[str, str], Before],
    decided_on: datetime.date,
) -> None:
    today = timezone.localdate()
    for row in rows:
        words = {"party": row.party, "date": row.date, "decided_on": decided_on}
        if (row.kind, row.party) not in requirements:
            raise ValidationError(
                _("Beslutet har inget krav på %(kind)s med ”%(party)s”.")
                % {**words, "kind": _kind_name(row.kind)}
            )
        # A required requirement waived was refused by the engine (the verdict's check).
        before = requirements[(row.kind, row.party)]
        if row.waived and not row.note.strip():
            raise ValidationError(
                _("Ange skälet till att samrådet med %(party)s inte behövdes.")
                % {"party": before.name}
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
    requirements: dict[tuple[str, str], Before],
) -> None:
    """The requirements met or waived, recorded by the decision maker, who records in their
    own name."""
    for row in rows:
        evidence = Evidence(
            decision=decision,
            kind=row.kind,
            party=row.party,
            party_name=requirements[(row.kind, row.party)].name,
            took_place_on=row.date,
            recorded_by=decision.decided_by,
            note=row.note.strip(),
            waived=row.waived,
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
    conditions: Iterable[str] = (),
) -> Decision:
    """Record a decision made by `decided_by` (the acting user's own person) in the capacity
    of a position or organization, or as themselves with all their posts and seats.

    `evidence` holds the requirements already met, as (kind, party key, date, note), or an
    optional consultation waived (`EvidenceRow.waived`, the note its reason); `conditions`
    the codes of the rule's conditions the decision maker asserts hold. Raises
    DecisionDeniedError when the engine denies the decision, and nothing is saved; a decision with
    requirements pending is saved as a draft.
    """
    require_record_decision(actor, body, decided_by)
    _refuse_other_capacity(decided_by, capacity, body, decided_on)
    rows = [row if isinstance(row, EvidenceRow) else EvidenceRow(*row) for row in evidence]
    done, waived = _met(rows)
    verdict = decision_verdict(
        body=body,
        decision_type=decision_type,
        decided_by=decided_by,
        capacity=capacity,
        concerning=concerning,
        amount=amount,
        on=decided_on,
        done=done,
        conditions=conditions,
        waived=waived,
    )
    if verdict.outcome == "denied":
        raise DecisionDeniedError(verdict)
    requirements = _requirements(verdict)
    _refuse_evidence(rows, requirements, decided_on)
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
        conditions=sorted(set(conditions)),
        **_verdict_fields(body, verdict, decided_on),
    )
    audit.create(actor=actor, instance=decision)
    _save_evidence(actor, decision, rows, requirements)
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
    waived: bool = False,
) -> Decision:
    """Record that a requirement of a draft decision has been met, or (`waived`, `note` the
    reason) that an optional consultation was not needed, and check the decision again: with
    every requirement met it is recorded."""
    require_add_evidence(actor, decision)
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    decided_by = decision.decided_by
    # A draft is a delegated decision, which names its maker (decision_delegate_named).
    if not decision.is_draft or decided_by is None:
        raise ValidationError(_("Beslutet är redan registrerat; underlag läggs till ett utkast."))
    row = EvidenceRow(kind, party, date, note, waived)
    recorded = list(decision.evidence.all())
    if (kind, party) in {(e.kind, e.party) for e in recorded}:
        raise ValidationError(_("Kravet har redan ett registrerat underlag."))
    done, waived_ = _met([*recorded, row])
    verdict = decision_verdict(
        body=decision.body,
        decision_type=decision.decision_type,
        decided_by=decided_by,
        capacity=decision.position or decision.organization,
        concerning=decision.concerning,
        amount=decision.amount,
        on=decision.decided_on,
        done=done,
        conditions=decision.conditions,
        waived=waived_,
    )
    if verdict.outcome == "denied":
        raise DecisionDeniedError(verdict)
    requirements = _requirements(verdict)
    _refuse_evidence([row], requirements, decision.decided_on)
    _save_evidence(actor, decision, [row], requirements)
    return audit.update(
        actor=actor,
        instance=decision,
        **_verdict_fields(decision.body, verdict, decision.decided_on),
    )


@transaction.atomic
def decision_report_owed(
    *, actor: Actor, decision: Decision, report_to: Organization, report_due: datetime.date
) -> Decision:
    """Say to which organization a decision is to be reported, and by when (the crisis
    committee's decisions: to the council, LEH 2 kap.); who may mark it reported may say so.
    The date said replaces a report due at the next meeting."""
    require_report_decisions(actor, [decision])
    return audit.update(
        actor=actor,
        instance=decision,
        report_to=report_to,
        report_due=report_due,
        report_at_next_meeting=False,
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
    decisions = list(decisions)
    require_report_decisions(actor, decisions)
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
    require_record_meeting_decision(actor, organization)
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


# Execution and assignments ----------------------------------------------------------------
# The director is ultimately responsible for executing the board's decisions and keeps the
# board informed of how its assignments progress (seed 002 3.1, seed 000 "Verkställighet").


# Who executes: the administrations and the affiliated entities, never a political organ.
EXECUTOR_KINDS = frozenset(Organization.Kind.values) - Organization.POLITICAL_KINDS


def _director(body: Body, on: datetime.date) -> Person:
    """The body's director on the date (an acting director too), in whose name tasks are given
    and to whom the board's assignments go."""
    director = director_of(body=body, on=on)
    if director is None:
        raise ValidationError(
            _("%(body)s har ingen direktör den %(date)s.") % {"body": body, "date": on}
        )
    return director


def _refuse_future(on: datetime.date) -> None:
    if on > timezone.localdate():
        raise ValidationError(_("Datumet %(date)s har inte inträffat.") % {"date": on})


def _refuse_unrecorded(decision: Decision) -> None:
    if decision.is_draft:
        raise ValidationError(
            _("”%(decision)s” är ett utkast; bara registrerade beslut verkställs.")
            % {"decision": decision}
        )


@transaction.atomic
def execution_task_assign(
    *,
    actor: Actor,
    decision: Decision,
    title: str,
    executor: Organization,
    due_on: datetime.date,
    assigned_on: datetime.date | None = None,
) -> ExecutionTask:
    """The director gives a piece of executing a recorded decision to a department, staff
    unit or company, to be done by `due_on` (seed 002 3.1: the director answers for the
    execution of every political decision)."""
    assigned_on = assigned_on or timezone.localdate()
    require_give_execution(actor, decision.body, assigned_on)
    director = _director(decision.body, assigned_on)
    _refuse_unrecorded(decision)
    _refuse_future(assigned_on)
    if executor.body_id != decision.body_id or executor.kind not in EXECUTOR_KINDS:
        raise ValidationError(
            _("%(executor)s kan inte verkställa beslut: välj en förvaltning, stab eller ett bolag.")
            % {"executor": executor}
        )
    if assigned_on < decision.decided_on:
        raise ValidationError(_("Uppgiften kan inte ges före beslutet."))
    if due_on < assigned_on:
        raise ValidationError(_("Uppgiften kan inte vara klar innan den har getts."))
    if not title.strip():
        raise ValidationError(_("Uppgiften behöver en beskrivning."))
    task = ExecutionTask(
        decision=decision,
        title=title.strip(),
        executor=executor,
        assigned_by=director,
        assigned_on=assigned_on,
        due_on=due_on,
    )
    return audit.create(actor=actor, instance=task)


@transaction.atomic
def execution_task_status_set(
    *,
    actor: Actor,
    task: ExecutionTask,
    status: str,
    note: str = "",
    on: datetime.date | None = None,
) -> ExecutionTask:
    """Change how far a task has come, with a note that is added to the task's notes; done
    (or found impossible) on the date, or reopened."""
    on = on or timezone.localdate()
    require_report_execution(actor, task, on)
    task = (
        ExecutionTask.objects.select_for_update().select_related("decision__body").get(pk=task.pk)
    )
    _refuse_future(on)
    if status not in ExecutionTask.Status.values:
        raise ValidationError(_("Okänd status: %(status)s.") % {"status": status})
    if on < task.assigned_on:
        raise ValidationError(_("Datumet är före den dag uppgiften gavs."))
    finished = status in (ExecutionTask.Status.DONE, ExecutionTask.Status.CANCELLED)
    label = ExecutionTask.Status(status).label
    line = f"{on:%Y-%m-%d} {label}" + (f": {note.strip()}" if note.strip() else "")
    return audit.update(
        actor=actor,
        instance=task,
        status=status,
        done_on=on if finished else None,
        note="\n".join(filter(None, [task.note, line])),
    )


@transaction.atomic
def assignment_give(
    *,
    actor: Actor,
    decision: Decision,
    title: str,
    due_on: datetime.date,
    report_interval_months: int,
    description: str = "",
    given_on: datetime.date | None = None,
) -> Assignment:
    """Record an assignment the board gave the director in a decision at its meeting: done by
    `due_on`, reported on every `report_interval_months` months (seed 000: the director keeps
    the chair and the board informed of how given assignments progress)."""
    given_on = given_on or decision.decided_on
    body = decision.body
    require_record_assignment(actor, body, given_on)
    _refuse_unrecorded(decision)
    if decision.kind != Decision.Kind.MEETING or decision.organization is None:
        raise ValidationError(_("Ett uppdrag ges av ett organ i ett beslut vid sammanträde."))
    if given_on < decision.decided_on:
        raise ValidationError(_("Uppdraget kan inte ges före beslutet."))
    if not title.strip():
        raise ValidationError(_("Uppdraget behöver en rubrik."))
    if report_interval_months < 1:
        raise ValidationError(_("Uppdraget rapporteras med minst en månads mellanrum."))
    director = _director(body, given_on)
    if due_on < given_on:
        raise ValidationError(_("Uppdraget kan inte slutföras innan det har getts."))
    assignment = Assignment(
        decision=decision,
        title=title.strip(),
        description=description.strip(),
        assignee=director,
        given_on=given_on,
        due_on=due_on,
        report_interval_months=report_interval_months,
    )
    return audit.create(actor=actor, instance=assignment)


@transaction.atomic
def assignment_reporter_name(
    *, actor: Actor, assignment: Assignment, reporter: Person | None
) -> Assignment:
    """The director names whom to report in the director's stead (None: the director)."""
    require_direct_assignment(actor, assignment)
    assignment = (
        Assignment.objects.select_for_update().select_related("assignee").get(pk=assignment.pk)
    )
    if reporter is not None and reporter.body_id != assignment.assignee.body_id:
        raise ValidationError(_("Personen hör till en annan kommun eller region."))
    if reporter == assignment.assignee:
        reporter = None
    return audit.update(actor=actor, instance=assignment, reporter=reporter)


def _refuse_closed(assignment: Assignment) -> None:
    if assignment.status != Assignment.Status.ONGOING:
        raise ValidationError(
            _("Uppdraget är %(status)s.") % {"status": assignment.get_status_display()}
        )


@transaction.atomic
def assignment_report_file(
    *,
    actor: Actor,
    assignment: Assignment,
    text: str,
    reported_on: datetime.date | None = None,
) -> AssignmentReport:
    """The director, or whom the director named, reports how the assignment progresses."""
    reported_on = reported_on or timezone.localdate()
    # Asked of the locked row: the director may have just named another reporter.
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    require_report_assignment(actor, assignment)
    person = getattr(actor, "person", None)
    _refuse_closed(assignment)
    _refuse_future(reported_on)
    if reported_on < assignment.given_on:
        raise ValidationError(_("En rapport kan inte lämnas innan uppdraget har getts."))
    if not text.strip():
        raise ValidationError(_("Rapporten behöver en text."))
    report = AssignmentReport(
        assignment=assignment,
        reported_on=reported_on,
        reported_by=person or assignment.assignee,
        text=text.strip(),
    )
    return audit.create(actor=actor, instance=report)


@transaction.atomic
def assignment_close(
    *,
    actor: Actor,
    assignment: Assignment,
    status: str,
    on: datetime.date | None = None,
) -> Assignment:
    """The director reports the assignment completed, or ended without being completed."""
    on = on or timezone.localdate()
    require_direct_assignment(actor, assignment)
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _refuse_closed(assignment)
    _refuse_future(on)
    if status not in (Assignment.Status.COMPLETED, Assignment.Status.CANCELLED):
        raise ValidationError(_("Ett uppdrag avslutas som slutfört eller utan att slutföras."))
    if on < assignment.given_on:
        raise ValidationError(_("Uppdraget kan inte avslutas innan det har getts."))
    return audit.update(actor=actor, instance=assignment, status=status, completed_on=on)

"""Crisis events and their append-only log (seed 002 3.5, seed 000 "Säkerhetsansvar"): who
leads, decided once; the log only ever appended to; the crisis committee's decisions recorded
and reported to the council.

Every write here also appends to the event's log, so the log is the event's timeline.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.decisions import services as decision_services
from kansli.decisions.models import Decision
from kansli.decisions.selectors import report_due_on
from kansli.followup.models import CrisisEvent, CrisisLogEntry
from kansli.followup.policy import own_person, require_keep, require_log
from kansli.followup.selectors.crisis import (
    council,
    crisis_committee,
    crisis_staff_chief,
    next_council_meeting,
)
from kansli.organisation.models import Body, Organization, Person

CRISIS = Organization.Kind.CRISIS_COMMITTEE


def _keeper(actor: Actor, body: Body) -> Person:
    require_keep(actor, body)
    return own_person(actor, body)


def _append(
    actor: Actor,
    event: CrisisEvent,
    person: Person,
    kind: str,
    text: str,
    at: datetime.datetime,
    decision: Decision | None = None,
) -> CrisisLogEntry:
    entry = CrisisLogEntry(
        event=event, kind=kind, text=text, recorded_at=at, recorded_by=person, decision=decision
    )
    return audit.create(actor=actor, instance=entry)


@transaction.atomic
def crisis_event_open(
    *,
    actor: Actor,
    body: Body,
    title: str,
    started_at: datetime.datetime,
    chief_of_staff: Person | None = None,
) -> CrisisEvent:
    """Register a disturbance to society. The central crisis staff is led by its chief of
    staff (seed 002 3.5): the one named, or the holder of the crisis staff's head post."""
    person = _keeper(actor, body)
    chief = chief_of_staff or crisis_staff_chief(body=body, on=timezone.localdate(started_at))
    event = audit.create(
        actor=actor,
        instance=CrisisEvent(body=body, title=title, started_at=started_at, chief_of_staff=chief),
    )
    text = _("Händelsen inträffade: %(title)s.") % {"title": title}
    if chief is not None:
        text += " " + _("Krisledningsstaben leds av stabschef %(chief)s.") % {"chief": chief}
    _append(actor, event, person, CrisisLogEntry.Kind.OBSERVATION, text, started_at)
    return event


@transaction.atomic
def crisis_leadership_decide(
    *, actor: Actor, event: CrisisEvent, leadership: str, decided_at: datetime.datetime
) -> CrisisEvent:
    """Record, once, who leads: the crisis committee when it is activated (LEH 2 kap. 3 §: its
    chair decides), otherwise the director, when the committee chooses not to act (seed 002
    3.5)."""
    person = _keeper(actor, event.body)
    event = CrisisEvent.objects.select_for_update().get(pk=event.pk)
    if event.leadership != CrisisEvent.Leadership.UNDECIDED:
        raise ValidationError(
            _("Ledningen är redan beslutad (%(leadership)s, %(at)s).")
            % {
                "leadership": event.get_leadership_display(),
                "at": timezone.localtime(event.leadership_decided_at).strftime("%Y-%m-%d %H:%M"),
            },
            code="conflict",
        )
    if decided_at < event.started_at:
        raise ValidationError(_("Ledningen kan inte beslutas före händelsen."))
    committee = None
    if leadership == CrisisEvent.Leadership.COMMITTEE:
        committee = crisis_committee(body=event.body)
        if committee is None:
            raise ValidationError(_("%(body)s har ingen krisledningsnämnd.") % {"body": event.body})
        text = _("%(committee)s träder i funktion och leder arbetet.") % {"committee": committee}
    elif leadership == CrisisEvent.Leadership.DIRECTOR:
        text = _(
            "Krisledningsnämnden träder inte i funktion; direktören leder och samordnar "
            "verksamheten."
        )
    else:
        raise ValidationError(_("Välj om krisledningsnämnden eller direktören leder."))
    event = audit.update(
        actor=actor,
        instance=event,
        leadership=leadership,
        leadership_decided_at=decided_at,
        committee=committee,
    )
    _append(actor, event, person, CrisisLogEntry.Kind.LEADERSHIP, text, decided_at)
    return event


@transaction.atomic
def crisis_log_append(
    *,
    actor: Actor,
    event: CrisisEvent,
    kind: str,
    text: str,
    recorded_at: datetime.datetime | None = None,
) -> CrisisLogEntry:
    """Add a line to the log: the director's staff, or the event's chief of staff, writes."""
    require_log(actor, event)
    person = own_person(actor, event.body)
    if event.ended_at is not None:
        raise ValidationError(_("Händelsen är avslutad; loggen är stängd."), code="conflict")
    if kind not in CrisisLogEntry.Kind.values or kind == CrisisLogEntry.Kind.DECISION:
        raise ValidationError(_("Ett beslut förs in i loggen när det registreras."))
    return _append(actor, event, person, kind, text, recorded_at or timezone.now())


@transaction.atomic
def crisis_event_close(
    *, actor: Actor, event: CrisisEvent, ended_at: datetime.datetime
) -> CrisisEvent:
    person = _keeper(actor, event.body)
    if event.ended_at is not None:
        raise ValidationError(_("Händelsen är redan avslutad."), code="conflict")
    _append(
        actor, event, person, CrisisLogEntry.Kind.OBSERVATION, _("Händelsen avslutad."), ended_at
    )
    return audit.update(actor=actor, instance=event, ended_at=ended_at)


def _report_fields(body: Body, decided_on: datetime.date) -> dict:
    """To the council, due at its next meeting (LEH 2 kap.), or by the register's default date
    when none is planned yet."""
    recipient = council(body=body)
    if recipient is None:
        raise ValidationError(_("%(body)s har inget fullmäktige att anmäla till.") % {"body": body})
    due = next_council_meeting(body=body, after=decided_on)
    return {
        "report_to": recipient,
        "report_due": due or report_due_on(decided_on=decided_on),
    }


@transaction.atomic
def crisis_decision_record(
    *,
    actor: Actor,
    event: CrisisEvent,
    decided_on: datetime.date,
    title: str,
    minutes: str,
    minute_number: int,
    text: str = "",
    case_reference: str = "",
) -> Decision:
    """Record a decision the crisis committee made at its meeting, owed to the council, and
    enter it in the event's log."""
    person = _keeper(actor, event.body)
    if event.leadership != CrisisEvent.Leadership.COMMITTEE or event.committee is None:
        raise ValidationError(
            _("Krisledningsnämnden leder inte arbetet i den här händelsen."), code="conflict"
        )
    decision = decision_services.meeting_decision_record(
        actor=actor,
        organization=event.committee,
        decided_on=decided_on,
        title=title,
        text=text,
        case_reference=case_reference,
        minutes=minutes,
        minute_number=minute_number,
    )
    decision = decision_services.decision_report_owed(
        actor=actor, decision=decision, **_report_fields(event.body, decided_on)
    )
    _append(
        actor,
        event,
        person,
        CrisisLogEntry.Kind.DECISION,
        _("Beslut: %(title)s (%(minutes)s § %(number)s).")
        % {"title": title, "minutes": minutes, "number": minute_number},
        timezone.now(),
        decision=decision,
    )
    return decision


@transaction.atomic
def crisis_decisions_report(
    *,
    actor: Actor,
    body: Body,
    decisions: list[Decision],
    reported_on: datetime.date,
    reported_in: str,
) -> list[Decision]:
    """Mark the crisis committee's decisions reported to the council at its meeting ("KF
    2026-12-14, § 150"). A decision recorded without a recipient (at the committee's meeting,
    through the meetings app) is owed to the council too."""
    require_keep(actor, body)
    for decision in decisions:
        committee = decision.organization
        if committee is None or committee.body_id != body.pk or committee.kind != CRISIS:
            raise ValidationError(
                _("”%(decision)s” är inte krisledningsnämndens.") % {"decision": decision}
            )
        if decision.report_to_id is None:
            decision_services.decision_report_owed(
                actor=actor, decision=decision, **_report_fields(body, decision.decided_on)
            )
    return decision_services.decision_report(
        actor=actor, decisions=decisions, reported_on=reported_on, reported_in=reported_in
    )
